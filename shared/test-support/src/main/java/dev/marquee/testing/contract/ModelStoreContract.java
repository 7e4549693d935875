package dev.marquee.testing.contract;

import dev.marquee.domain.port.ModelStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ModelStore} must do. Subclasses return a fresh, empty store. */
public abstract class ModelStoreContract {
    protected ModelStore store;

    protected abstract ModelStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void storedArtifactsReadBackByteForByte() {
        byte[] onnx = new byte[70_000];
        for (int i = 0; i < onnx.length; i++) {
            onnx[i] = (byte) (i * 31);
        }
        store.put("v1", "ranker.onnx", onnx);
        store.put("v1", "manifest.json", "{\"version\":\"v1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(store.get("v1", "ranker.onnx")).hasValueSatisfying(b -> assertThat(b).isEqualTo(onnx));
        assertThat(store.get("v1", "manifest.json")).hasValueSatisfying(b ->
                assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"v1\"}"));
    }

    @Test
    void missingArtifactOrVersionIsEmpty() {
        store.put("v1", "manifest.json", new byte[]{1});

        assertThat(store.get("v1", "metrics.json")).isEmpty();
        assertThat(store.get("v9", "manifest.json")).isEmpty();
    }

    @Test
    void listsArtifactsPerVersionAndVersionsSorted() {
        store.put("v2", "metrics.json", new byte[]{1});
        store.put("v1", "manifest.json", new byte[]{1});
        store.put("v1", "candidates.bin", new byte[]{1});

        assertThat(store.artifacts("v1")).containsExactly("candidates.bin", "manifest.json");
        assertThat(store.versions()).containsExactly("v1", "v2");
    }

    @Test
    void trainingJobBookkeepingFoldersAreNotVersions() {
        store.put("v1", "manifest.json", new byte[]{1});
        store.put("_checkpoints", "state.bin", new byte[]{1});
        store.put("_jobs", "marquee-dev-refresh-1.json", new byte[]{1});

        assertThat(store.versions()).containsExactly("v1");
    }

    @Test
    void overwritingAnArtifactReplacesIt() {
        store.put("v1", "metrics.json", new byte[]{1});
        store.put("v1", "metrics.json", new byte[]{2, 3});

        assertThat(store.get("v1", "metrics.json")).hasValueSatisfying(b -> assertThat(b).containsExactly(2, 3));
    }
}
