package dev.marquee.domain.port;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Precomputed candidate lists, written by the batch job per model version and read by the funnel under the
 * active version only, so a half-loaded version is never visible.
 */
public interface CandidateStore {

    /** Writes lists under one version, batched; all or an exception. Rewriting a key replaces its list. */
    void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> listsByKey);

    /** The list stored under (version, kind, key), best first; empty when there is none. */
    List<Candidate> get(String version, CandidateKind kind, String key);

    /**
     * The lists of many keys of one kind at once (one round trip where the store batches): every key maps to its
     * list, empty when there is none.
     */
    default Map<String, List<Candidate>> getAll(String version, CandidateKind kind, Collection<String> keys) {
        Map<String, List<Candidate>> out = new LinkedHashMap<>();
        for (String key : keys) {
            out.put(key, get(version, kind, key));
        }
        return out;
    }

    /** Removes every list of a version (old versions past the rollback window). */
    void deleteVersion(String version);
}
