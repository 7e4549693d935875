package dev.marquee.domain.funnel;

import java.util.Optional;

/**
 * The vectors of a model version, held in memory by whoever loaded them. Empty while a version's vectors are not
 * loaded (yet): retrieval is then skipped, never waited for on the request path.
 */
public interface EmbeddingSource {

    Optional<EmbeddingIndex> forVersion(String modelVersion);

    /** Always the same index, whatever the version (tests, benches). */
    static EmbeddingSource fixed(EmbeddingIndex index) {
        return version -> Optional.of(index);
    }
}
