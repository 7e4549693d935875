package dev.marquee.adapters.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.ranking.SignalTables;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What serving reads of a bundle for the ranker: {@code ranker.onnx}, and the feature tables the trainer computed
 * from the same lake: factors ({@code factors.bin} in the MQF1 layout with {@code factor_ids.json}) and popularity and
 * trend ({@code ranker_signals.json}). A bundle without a ranker, or with unreadable files, is
 * {@link StoreUnavailableException} ("ranker"): the funnel then keeps the candidate order.
 */
public final class RankerBundle {
    public static final String MODEL = "ranker.onnx";
    public static final String SIGNALS = "ranker_signals.json";
    public static final String FACTORS = "factors.bin";
    public static final String FACTOR_IDS = "factor_ids.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RankerBundle() {
    }

    /** The bundle's ranker model; empty when the bundle has none (trained without, or before rankers existed). */
    public static java.util.Optional<byte[]> model(ModelStore store, String version) {
        return store.get(version, MODEL);
    }

    public static SignalTables signals(ModelStore store, String version) {
        try {
            JsonNode ids = JSON.readTree(file(store, version, FACTOR_IDS));
            Map<String, float[]> users = new HashMap<>();
            Map<String, float[]> items = new HashMap<>();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file(store, version, FACTORS)))) {
                byte[] magic = in.readNBytes(4);
                if (!Arrays.equals(magic, "MQF1".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    throw new IOException(FACTORS + " is not MQF1");
                }
                int k = in.readInt();
                int userCount = in.readInt();
                int itemCount = in.readInt();
                if (userCount != ids.path("users").size() || itemCount != ids.path("items").size()) {
                    throw new IOException(FACTORS + " and " + FACTOR_IDS + " disagree on counts");
                }
                readRows(in, k, ids.path("users"), users);
                readRows(in, k, ids.path("items"), items);
            }
            JsonNode signals = JSON.readTree(file(store, version, SIGNALS));
            return new SignalTables(users, items, Map.of(), Map.of(), Map.of(), table(signals.path("popularity")),
                    table(signals.path("trend")));
        } catch (IOException e) {
            throw new StoreUnavailableException("ranker", "bundle " + version + ": unreadable ranker tables: " + e.getMessage(), e);
        }
    }

    private static void readRows(DataInputStream in, int k, JsonNode ids, Map<String, float[]> out) throws IOException {
        for (JsonNode id : ids) {
            float[] row = new float[k];
            for (int j = 0; j < k; j++) {
                row[j] = in.readFloat();
            }
            out.put(id.asText(), row);
        }
    }

    private static Map<String, Map<String, Double>> table(JsonNode node) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> keys = node.fields(); keys.hasNext(); ) {
            Map.Entry<String, JsonNode> key = keys.next();
            Map<String, Double> values = new HashMap<>();
            key.getValue().fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
            out.put(key.getKey(), values);
        }
        return out;
    }

    private static byte[] file(ModelStore store, String version, String name) {
        return store.get(version, name).orElseThrow(() ->
                new StoreUnavailableException("ranker", "bundle " + version + " has no " + name, null));
    }
}
