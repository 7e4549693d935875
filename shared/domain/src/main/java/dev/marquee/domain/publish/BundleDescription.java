package dev.marquee.domain.publish;

import dev.marquee.domain.model.CandidateKind;

import java.util.Map;
import java.util.Objects;

/**
 * What the publish step needs to know of a bundle, as plain values (the adapters parse manifest.json and
 * metrics.json into it; the domain reads no JSON).
 *
 * @param version   the bundle's version, {@code models/<version>/}
 * @param artifacts the manifest: artifact file name -> its SHA-256 and size
 * @param metrics   headline metrics of the serving (iALS) model, e.g. {@code ndcg@10}; becomes the registry's metrics
 * @param listFiles the list file of each kind, e.g. USER -> candidates.jsonl.gz
 * @param rankerSchema the version of the ranker's feature schema ({@code feature_schema.json}); null: none
 */
public record BundleDescription(String version, Map<String, Digest> artifacts, Map<String, Double> metrics,
                                Map<CandidateKind, String> listFiles, String rankerSchema) {

    public BundleDescription(String version, Map<String, Digest> artifacts, Map<String, Double> metrics,
                             Map<CandidateKind, String> listFiles) {
        this(version, artifacts, metrics, listFiles, null);
    }

    /** A manifest entry: lower-case hex SHA-256 of the file's bytes, and its length. */
    public record Digest(String sha256, long bytes) {
        public Digest {
            Objects.requireNonNull(sha256, "sha256");
            sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        }

        /** The entry of a file with these bytes: what the training job writes and the publish step checks. */
        public static Digest of(byte[] content) {
            try {
                return new Digest(java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(content)), content.length);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    public BundleDescription {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version is blank");
        }
        artifacts = Map.copyOf(artifacts);
        metrics = Map.copyOf(metrics);
        listFiles = Map.copyOf(listFiles);
    }
}
