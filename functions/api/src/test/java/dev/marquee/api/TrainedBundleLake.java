package dev.marquee.api;

import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.publish.BundleDescription;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        StringBuilder artifacts = new StringBuilder();
        for (CandidateKind kind : CandidateKind.values()) {
            byte[] file = BundleFiles.write(lists.get(kind));
            models.put(VERSION, BundleFiles.fileOf(kind), file);
            artifacts.append(artifacts.isEmpty() ? "" : ",").append("\"").append(BundleFiles.fileOf(kind))
                    .append("\":{\"sha256\":\"").append(BundleDescription.Digest.of(file).sha256())
                    .append("\",\"bytes\":").append(file.length).append("}");
        }
        models.put(VERSION, BundleFiles.METRICS, "{\"ials\":{\"ndcg@10\":0.05},\"popularity\":{\"ndcg@10\":0.03}}".getBytes(StandardCharsets.UTF_8));
        models.put(VERSION, BundleFiles.MANIFEST, ("{\"version\":\"" + VERSION + "\",\"artifacts\":{" + artifacts + "}}").getBytes(StandardCharsets.UTF_8));
        return Map.of();
    }

    @Override
    public void stop() {
        Path bundle = lake.resolve("models").resolve(VERSION);
        try (var files = Files.list(bundle)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
            Files.delete(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the test bundle " + bundle, e);
        }
    }
}
