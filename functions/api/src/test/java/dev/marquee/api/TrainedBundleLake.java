package dev.marquee.api;


import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trained bundle, as ./marquee train leaves it, put into the test lake before the api starts and removed when the
 * test class ends (the next class starts a fresh api on the same lake): bundle-user gets i11, i12; i1's neighbours are i21, i22.
 */
public class TrainedBundleLake implements QuarkusTestResourceLifecycleManager {
    static final String VERSION = "20261121T000000Z";
    private Path lake;

    @Override
    public Map<String, String> start() {
        // the build gives the test JVMs one lake folder (a system property, which outranks a resource's config)
        lake = Path.of(System.getProperty("marquee.local.lake-dir", "target/test-lake"));
        LocalFolderModelStore models = new LocalFolderModelStore(lake);
        Map<CandidateKind, Map<String, List<Candidate>>> lists = Map.of(
                CandidateKind.USER, Map.of("bundle-user", List.of(new Candidate("i11", 0.9, "ials"), new Candidate("i12", 0.8, "ials"))),
                CandidateKind.SIMILAR, Map.of("i1", List.of(new Candidate("i21", 0.95, "similar_items"), new Candidate("i22", 0.7, "similar_items"))),
                CandidateKind.SEGMENT, Map.of("*|*", List.of(new Candidate("i31", 100, "popular_in_segment"))));
        Map<String, byte[]> artifacts = new LinkedHashMap<>();
        for (CandidateKind kind : CandidateKind.values()) {
            artifacts.put(BundleFiles.fileOf(kind), BundleFiles.write(lists.get(kind)));
        }
        artifacts.put(BundleFiles.METRICS, "{\"ials\":{\"ndcg@10\":0.05},\"popularity\":{\"ndcg@10\":0.03}}".getBytes(StandardCharsets.UTF_8));
        BundleManifest.write(models, VERSION, Map.of("version", VERSION), artifacts);
        return Map.of();
    }

    @Override
    public void stop() {
        TestFiles.deleteRecursively(lake.resolve("models").resolve(VERSION));
    }
}
