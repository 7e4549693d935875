package dev.marquee.adapters.bundle;

import dev.marquee.domain.port.ModelStore;
import dev.marquee.testing.TestTarball;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BundleTarballTest {

    /** Records puts in order. */
    static final class RecordingStore implements ModelStore {
        final List<String> puts = new ArrayList<>();
        final Map<String, byte[]> content = new LinkedHashMap<>();

        @Override
        public void put(String version, String artifact, byte[] bytes) {
            puts.add(version + "/" + artifact);
            content.put(version + "/" + artifact, bytes);
        }

        @Override
        public Optional<byte[]> get(String version, String artifact) {
            return Optional.ofNullable(content.get(version + "/" + artifact));
        }

        @Override
        public List<String> artifacts(String version) {
            return List.of();
        }

        @Override
        public List<String> versions() {
            return List.of();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void copiesOnlyTheVersionsOwnFilesWithTheManifestLast() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("./models/v2/manifest.json", bytes("{\"version\":\"v2\"}"));
        entries.put("./models/v2/candidates.jsonl.gz", new byte[700]); // more than one tar block
        entries.put("./models/v1/candidates.jsonl.gz", bytes("old"));
        entries.put("./models/v2/nested/x.bin", bytes("not a bundle file"));
        entries.put("./logs/train.log", bytes("log"));
        entries.put("models/v2/metrics.json", bytes("{}"));
        RecordingStore store = new RecordingStore();

        List<String> copied = BundleTarball.unpack(new ByteArrayInputStream(TestTarball.of(entries)), "v2", store);

        assertThat(store.puts).containsExactly("v2/candidates.jsonl.gz", "v2/metrics.json", "v2/manifest.json");
        assertThat(copied).containsExactly("candidates.jsonl.gz", "metrics.json", "manifest.json");
        assertThat(store.content.get("v2/candidates.jsonl.gz")).hasSize(700);
        assertThat(new String(store.content.get("v2/manifest.json"), StandardCharsets.UTF_8)).isEqualTo("{\"version\":\"v2\"}");
    }

    @Test
    void anArchiveWithoutThatVersionCopiesNothing() throws Exception {
        RecordingStore store = new RecordingStore();

        List<String> copied = BundleTarball.unpack(new ByteArrayInputStream(TestTarball.of(Map.of("./models/v1/manifest.json", bytes("{}")))), "v2", store);

        assertThat(copied).isEmpty();
        assertThat(store.puts).isEmpty();
    }
}
