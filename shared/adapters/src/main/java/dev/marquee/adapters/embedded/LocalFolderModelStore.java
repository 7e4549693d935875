package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.ModelStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Model bundles under {@code <root>/models/<version>/<artifact>}, the same layout as the S3 lake. */
public final class LocalFolderModelStore implements ModelStore {
    private final Path models;

    public LocalFolderModelStore(Path lakeRoot) {
        this.models = lakeRoot.resolve("models");
    }

    @Override
    public void put(String version, String artifact, byte[] content) {
        Path target = models.resolve(version).resolve(artifact);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".writing-", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String version, String artifact) {
        try {
            return Optional.of(Files.readAllBytes(models.resolve(version).resolve(artifact)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> artifacts(String version) {
        return list(models.resolve(version), false);
    }

    @Override
    public List<String> versions() {
        return list(models, true).stream().filter(v -> !ModelStore.isBookkeeping(v)).toList();
    }

    private static List<String> list(Path dir, boolean directories) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p) == directories)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
