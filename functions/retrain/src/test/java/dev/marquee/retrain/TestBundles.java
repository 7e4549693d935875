package dev.marquee.retrain;

import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.ModelStore;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes small model bundles the way the training job lays them out, with a hand-made manifest and metrics. */
final class TestBundles {
    private TestBundles() {
    }

    /** A bundle whose every list names its version, so a reader can tell which version an answer came from. */
    static void write(ModelStore store, String version, int users, double ndcg) {
        Map<CandidateKind, Map<String, List<Candidate>>> lists = new LinkedHashMap<>();
        for (CandidateKind kind : CandidateKind.values()) {
            int keys = kind == CandidateKind.USER ? users : Math.max(1, users / 10);
            Map<String, List<Candidate>> byKey = new LinkedHashMap<>();
            for (int k = 0; k < keys; k++) {
                byKey.put(key(kind, k), list(version, 5));
            }
            lists.put(kind, byKey);
        }
        write(store, version, lists, ndcg);
    }

    static void write(ModelStore store, String version, Map<CandidateKind, Map<String, List<Candidate>>> lists,
                      double ndcg) {
        Map<String, byte[]> artifacts = new LinkedHashMap<>();
        for (CandidateKind kind : CandidateKind.values()) {
            artifacts.put(BundleFiles.fileOf(kind), BundleFiles.write(lists.getOrDefault(kind, Map.of())));
        }
        artifacts.put(BundleFiles.METRICS, String.format(Locale.ROOT,
                "{\"ials\":{\"ndcg@10\":%s,\"recall@20\":0.4},\"popularity\":{\"ndcg@10\":0.05}}", ndcg)
                .getBytes(StandardCharsets.UTF_8));
        BundleManifest.write(store, version, Map.of("version", version), artifacts);
    }

    static String key(CandidateKind kind, int k) {
        return switch (kind) {
            case USER -> "u" + k;
            case SIMILAR -> "i" + k;
            case SEGMENT -> "country=US|k" + k;
        };
    }

    static List<Candidate> list(String version, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Candidate(version + "-item" + i, 1.0 - i * 0.1, "ials"))
                .toList();
    }

}
