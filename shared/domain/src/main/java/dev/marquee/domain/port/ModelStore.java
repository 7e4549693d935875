package dev.marquee.domain.port;

import java.util.List;
import java.util.Optional;

/** Versioned model bundles: {@code models/<version>/<artifact>} (manifest.json, factors, ranker.onnx, metrics.json...). */
public interface ModelStore {

    void put(String version, String artifact, byte[] content);

    Optional<byte[]> get(String version, String artifact);

    /** The artifacts stored under a version, sorted by name. */
    List<String> artifacts(String version);

    /**
     * Every version that has at least one artifact, sorted. Folders whose name starts with {@code _} (the training
     * jobs' {@code models/_jobs/} and {@code models/_checkpoints/}) are bookkeeping, never versions.
     */
    List<String> versions();

    /** True for a folder under {@code models/} that is bookkeeping rather than a bundle version. */
    static boolean isBookkeeping(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
