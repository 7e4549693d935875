package dev.marquee.adapters.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.publish.BundleDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleManifestTest {
    @TempDir
    Path dir;

    @Test
    void whatWriteWritesReadReadsBackWithTheChecksumsOfEveryArtifact() throws Exception {
        LocalFolderModelStore store = new LocalFolderModelStore(dir);
        Map<String, byte[]> artifacts = new LinkedHashMap<>();
        artifacts.put("similar.jsonl.gz", BundleFiles.write(Map.of()));
        artifacts.put(BundleFiles.METRICS, "{\"ials\":{\"ndcg@10\":0.3},\"popularity\":{\"ndcg@10\":0.1}}".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", "v1");
        fields.put("hyperparameters", Map.of("factors", 8));

        Map<String, Long> sizes = BundleManifest.write(store, "v1", fields, artifacts);

        BundleDescription d = BundleManifest.read(store, "v1");
        assertThat(d.artifacts().get("similar.jsonl.gz")).isEqualTo(BundleDescription.Digest.of(artifacts.get("similar.jsonl.gz")));
        assertThat(d.metrics()).containsEntry("ndcg@10", 0.3).containsEntry("popularity.ndcg@10", 0.1);
        JsonNode manifest = Json.newMapper().readTree(store.get("v1", BundleFiles.MANIFEST).orElseThrow());
        assertThat(manifest.path("hyperparameters").path("factors").asInt()).isEqualTo(8);
        assertThat(manifest.fieldNames()).toIterable().containsExactly("version", "hyperparameters", "artifacts");
        assertThat(sizes).containsKeys("similar.jsonl.gz", BundleFiles.METRICS, BundleFiles.MANIFEST);
    }

    @Test
    void theArtifactsObjectIsComputedNotGiven() {
        assertThatThrownBy(() -> BundleManifest.write(new LocalFolderModelStore(dir), "v1", Map.of("artifacts", 1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
