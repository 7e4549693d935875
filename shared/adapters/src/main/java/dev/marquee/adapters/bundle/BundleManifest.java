package dev.marquee.adapters.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.publish.BundleDescription;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a bundle's {@code manifest.json} and {@code metrics.json} into the plain {@link BundleDescription} the domain
 * publishes from.
 *
 * <pre>
 * manifest.json  {"artifacts": {"candidates.jsonl.gz": {"sha256": "ab12...", "bytes": 1234}, ...}, ...other fields}
 * metrics.json   {"ials": {"ndcg@10": 0.31, "recall@20": 0.4, ...}, "popularity": {"ndcg@10": 0.12, ...}}
 * </pre>
 * Headline metrics: the {@code ials} model's metrics under their own names (that model serves), every other model's
 * under {@code <model>.<name>} ({@code popularity.ndcg@10}), so the registry keeps the baseline next to the model.
 */
public final class BundleManifest {
    public static final String SERVING_MODEL = "ials";

    private static final ObjectMapper JSON = Json.newMapper();

    private BundleManifest() {
    }

    /**
     * Writes a bundle: every artifact, then {@code manifest.json} = {@code fields} (in order) plus an {@code artifacts}
     * object with the sha256 and size of each, last, so a bundle with a manifest is complete. The one writer of
     * manifests (training job and test bundles alike), so {@link #read} always understands them.
     *
     * @param fields JSON-able values (records of plain values, maps, lists, strings, numbers); no "artifacts" key
     * @return the bytes of each artifact written, manifest included
     */
    public static Map<String, Long> write(ModelStore store, String version, Map<String, ?> fields, Map<String, byte[]> artifacts) {
        if (fields.containsKey("artifacts")) {
            throw new IllegalArgumentException("the manifest's \"artifacts\" object is computed, not given");
        }
        Map<String, Object> manifest = new LinkedHashMap<>(fields);
        Map<String, Object> digests = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        artifacts.forEach((name, bytes) -> {
            BundleDescription.Digest d = BundleDescription.Digest.of(bytes);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sha256", d.sha256());
            entry.put("bytes", d.bytes());
            digests.put(name, entry);
            sizes.put(name, (long) bytes.length);
        });
        manifest.put("artifacts", digests);
        byte[] manifestBytes;
        try {
            manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new IllegalArgumentException("manifest fields are not JSON-able: " + e.getMessage(), e);
        }
        artifacts.forEach((name, bytes) -> store.put(version, name, bytes));
        store.put(version, BundleFiles.MANIFEST, manifestBytes);
        sizes.put(BundleFiles.MANIFEST, (long) manifestBytes.length);
        return sizes;
    }

    /** @throws InvalidBundleException when a file is missing or not the expected JSON */
    public static BundleDescription read(ModelStore store, String version) {
        JsonNode manifest = json(store, version, BundleFiles.MANIFEST);
        JsonNode metrics = json(store, version, BundleFiles.METRICS);

        JsonNode artifactsNode = manifest.path("artifacts");
        if (!artifactsNode.isObject()) {
            throw new InvalidBundleException(version, "manifest.json has no \"artifacts\" object");
        }
        Map<String, BundleDescription.Digest> artifacts = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = artifactsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode sha = e.getValue().path("sha256");
            JsonNode bytes = e.getValue().path("bytes");
            if (!sha.isTextual() || !bytes.canConvertToLong()) {
                throw new InvalidBundleException(version,
                        "manifest.json artifacts." + e.getKey() + " needs a text \"sha256\" and a number \"bytes\"");
            }
            artifacts.put(e.getKey(), new BundleDescription.Digest(sha.asText(), bytes.asLong()));
        }

        if (!metrics.path(SERVING_MODEL).isObject()) {
            throw new InvalidBundleException(version, "metrics.json has no \"" + SERVING_MODEL + "\" object");
        }
        Map<String, Double> headline = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> models = metrics.fields(); models.hasNext(); ) {
            Map.Entry<String, JsonNode> model = models.next();
            if (!model.getValue().isObject()) {
                continue;
            }
            String prefix = model.getKey().equals(SERVING_MODEL) ? "" : model.getKey() + ".";
            for (Iterator<Map.Entry<String, JsonNode>> it = model.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                if (m.getValue().isNumber()) {
                    headline.put(prefix + m.getKey(), m.getValue().asDouble());
                }
            }
        }

        Map<CandidateKind, String> files = new EnumMap<>(CandidateKind.class);
        for (CandidateKind kind : CandidateKind.values()) {
            files.put(kind, BundleFiles.fileOf(kind));
        }
        return new BundleDescription(version, artifacts, headline, files);
    }

    private static JsonNode json(ModelStore store, String version, String artifact) {
        byte[] bytes = store.get(version, artifact)
                .orElseThrow(() -> new InvalidBundleException(version, artifact + " is missing"));
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new InvalidBundleException(version, artifact + " is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new InvalidBundleException(version, artifact + " is not valid JSON: " + e.getMessage());
        }
    }

    /** The bundle cannot be described: nothing was loaded or switched. */
    public static final class InvalidBundleException extends RuntimeException {
        public InvalidBundleException(String version, String message) {
            super("models/" + version + "/: " + message);
        }
    }
}
