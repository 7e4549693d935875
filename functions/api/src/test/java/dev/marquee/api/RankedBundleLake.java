package dev.marquee.api;


import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.bundle.FeatureSchemaJson;
import dev.marquee.adapters.bundle.RankerBundle;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.onnx.TreeEnsembleOnnx;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.publish.BundleDescription;
import dev.marquee.domain.ranking.FeatureSchema;
import dev.marquee.domain.ranking.TreeEnsemble;
import dev.marquee.testing.TestFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained bundle with a ranker: CF candidates i11 (0.9) then i12 (0.8) for ranked-user, and a one-tree ranker that
 * puts popular items first (popularity_global_log >= 1), with i12 the popular one in the bundle's tables.
 */
public class RankedBundleLake implements QuarkusTestResourceLifecycleManager {
    static final String VERSION = "20261121T000002Z";
    private Path lake;

    @Override
    public Map<String, String> start() {
        lake = Path.of(System.getProperty("marquee.local.lake-dir", "target/test-lake"));
        LocalFolderModelStore models = new LocalFolderModelStore(lake);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<CandidateKind, Map<String, List<Candidate>>> lists = Map.of(
                CandidateKind.USER, Map.of("ranked-user", List.of(new Candidate("i11", 0.9, "ials"), new Candidate("i12", 0.8, "ials"))),
                CandidateKind.SIMILAR, Map.of("i1", List.of(new Candidate("i21", 0.95, "similar_items"))),
                CandidateKind.SEGMENT, Map.of("*|*", List.of(new Candidate("i31", 100, "popular_in_segment"))));
        for (CandidateKind kind : CandidateKind.values()) {
            files.put(BundleFiles.fileOf(kind), BundleFiles.write(lists.get(kind)));
        }
        FeatureSchema v1 = FeatureSchema.V1;
        TreeEnsemble popularFirst = new TreeEnsemble(v1.width(), new int[]{0},
                new int[]{v1.indexOf("popularity_global_log"), 0, 0}, new float[]{1f, 0f, 1f},
                new int[]{1, -1, -1}, new int[]{2, -1, -1}, new boolean[3], 0f, false);
        files.put(RankerBundle.MODEL, TreeEnsembleOnnx.write(popularFirst, v1));
        files.put(FeatureSchemaJson.FILE, FeatureSchemaJson.write(v1).getBytes(StandardCharsets.UTF_8));
        files.put(RankerBundle.SIGNALS, "{\"popularity\":{\"*\":{\"i12\":100.0}},\"trend\":{}}".getBytes(StandardCharsets.UTF_8));
        files.put(RankerBundle.FACTOR_IDS, "{\"users\":[\"ranked-user\"],\"items\":[\"i11\",\"i12\"]}".getBytes(StandardCharsets.UTF_8));
        files.put(RankerBundle.FACTORS, factors());
        files.put(BundleFiles.METRICS, ("{\"ials\":{\"ndcg@10\":0.05},\"ranker\":{\"ndcg@10\":0.07,"
                + "\"candidate_order_ndcg@10\":0.05}}").getBytes(StandardCharsets.UTF_8));
        StringBuilder artifacts = new StringBuilder();
        files.forEach((name, bytes) -> {
            models.put(VERSION, name, bytes);
            artifacts.append(artifacts.isEmpty() ? "" : ",").append("\"").append(name)
                    .append("\":{\"sha256\":\"").append(BundleDescription.Digest.of(bytes).sha256())
                    .append("\",\"bytes\":").append(bytes.length).append("}");
        });
        models.put(VERSION, BundleFiles.MANIFEST, ("{\"version\":\"" + VERSION + "\",\"artifacts\":{" + artifacts + "}}")
                .getBytes(StandardCharsets.UTF_8));
        return Map.of();
    }

    private static byte[] factors() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeBytes("MQF1");
            d.writeInt(1);
            d.writeInt(1);
            d.writeInt(2);
            d.writeFloat(1f);
            d.writeFloat(0.9f);
            d.writeFloat(0.8f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void stop() {
        TestFiles.deleteRecursively(lake.resolve("models").resolve(VERSION));
    }
}
