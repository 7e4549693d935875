package dev.marquee.adapters.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.funnel.EmbeddingIndex;
import dev.marquee.domain.funnel.EmbeddingSource;
import dev.marquee.domain.port.ModelStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The vectors of a model bundle ({@code factors.bin} + {@code factor_ids.json}, written by the training job) for
 * retrieval. The request path never waits for them: the first request under a new version starts the load in the
 * background and goes without retrieval until it is done. Only the newest loaded version is kept.
 */
public final class BundleEmbeddings implements EmbeddingSource {
    public static final String FACTORS = "factors.bin";
    public static final String FACTOR_IDS = "factor_ids.json";
    private static final ObjectMapper JSON = Json.newMapper();

    private record Loaded(String version, EmbeddingIndex index) {
    }

    private final ModelStore models;
    private final Executor background;
    private final Consumer<String> onFailure;
    private final ConcurrentHashMap<String, Boolean> loading = new ConcurrentHashMap<>();
    private volatile Loaded current;

    public BundleEmbeddings(ModelStore models, Executor background, Consumer<String> onFailure) {
        this.models = models;
        this.background = background;
        this.onFailure = onFailure;
    }

    @Override
    public Optional<EmbeddingIndex> forVersion(String version) {
        Loaded l = current;
        if (l != null && l.version().equals(version)) {
            return Optional.of(l.index());
        }
        if (loading.putIfAbsent(version, Boolean.TRUE) == null) {
            background.execute(() -> {
                try {
                    load(version);
                } catch (RuntimeException e) {
                    onFailure.accept(version + ": " + e.getMessage());
                } finally {
                    loading.remove(version);
                }
            });
        }
        return Optional.empty();
    }

    /** Loads a version's vectors now (start-up, benches); empty when the bundle has none. */
    public Optional<EmbeddingIndex> load(String version) {
        Optional<byte[]> factors = models.get(version, FACTORS);
        Optional<byte[]> ids = models.get(version, FACTOR_IDS);
        if (factors.isEmpty() || ids.isEmpty()) {
            return Optional.empty();
        }
        EmbeddingIndex index = decode(factors.get(), ids.get());
        current = new Loaded(version, index);
        return Optional.of(index);
    }

    /** The MQF1 format: 'MQF1', int32 k, int32 users, int32 items, float32 user rows then item rows, big-endian. */
    public static EmbeddingIndex decode(byte[] factors, byte[] idsJson) {
        ByteBuffer buf = ByteBuffer.wrap(factors).order(ByteOrder.BIG_ENDIAN);
        if (factors.length < 16 || !"MQF1".equals(new String(factors, 0, 4, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("factors file is not in the MQF1 format");
        }
        buf.position(4);
        int k = buf.getInt();
        int users = buf.getInt();
        int items = buf.getInt();
        if (factors.length != 16 + 4L * k * (users + items)) {
            throw new IllegalArgumentException("factors file size does not match its header");
        }
        float[] userRows = new float[users * k];
        float[] itemRows = new float[items * k];
        FloatBuffer floats = buf.asFloatBuffer();
        floats.get(userRows);
        floats.get(itemRows);
        try {
            JsonNode ids = JSON.readTree(idsJson);
            return new EmbeddingIndex(k, strings(ids.path("items")), itemRows, strings(ids.path("users")), userRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
