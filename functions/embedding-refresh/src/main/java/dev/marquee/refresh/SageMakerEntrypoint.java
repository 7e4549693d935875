package dev.marquee.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.Json;
import dev.marquee.adapters.s3.S3ModelStore;
import dev.marquee.domain.port.ModelStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The SageMaker training-job contract (functions/embedding-refresh/README.md): the container runs
 * {@code java ... dev.marquee.refresh.SageMakerEntrypoint train}. Under the root ({@code /opt/ml}, or
 * {@code MARQUEE_SAGEMAKER_ROOT} / {@code --root DIR} for tests and local runs):
 * <ul>
 *   <li>{@code input/config/hyperparameters.json}: string values, keys in {@link #HYPERPARAMETERS};</li>
 *   <li>{@code input/data/events} (required), {@code input/data/deletions} and {@code input/data/catalog}
 *       (optional): channels holding the lake prefixes of those names, so {@code input/data} reads as a lake;</li>
 *   <li>{@code model/models/<version>/}: the bundle (SageMaker uploads {@code model/} as model.tar.gz); with the
 *       {@code lake_bucket} hyperparameter it is also copied to {@code s3://bucket/[lake_prefix/]models/<version>/},
 *       manifest last;</li>
 *   <li>{@code output/failure}: the reason, on any non-zero exit.</li>
 * </ul>
 * Exit codes: 0 done, 2 bad hyperparameters, 3 bad or missing input data, 4 training or writing failed.
 */
public final class SageMakerEntrypoint {
    public static final String DEFAULT_ROOT = "/opt/ml";
    public static final String ROOT_ENV = "MARQUEE_SAGEMAKER_ROOT";

    /** hyperparameters.json key -> the training option it sets. */
    static final Map<String, String> HYPERPARAMETERS = new TreeMap<>(Map.ofEntries(
            Map.entry("factors", "--factors"),
            Map.entry("iterations", "--iterations"),
            Map.entry("regularization", "--regularization"),
            Map.entry("weighted_regularization", "--weighted-regularization"),
            Map.entry("alpha", "--alpha"),
            Map.entry("cg_steps", "--cg-steps"),
            Map.entry("seed", "--seed"),
            Map.entry("threads", "--threads"),
            Map.entry("candidates_per_user", "--candidates"),
            Map.entry("similar_per_item", "--similar"),
            Map.entry("popularity_per_segment", "--popularity"),
            Map.entry("trending_half_life_hours", "--trending-half-life-hours"),
            Map.entry("half_life_days", "--half-life-days"),
            Map.entry("recency_half_life", "--recency-half-life"),
            Map.entry("similar_factor_share", "--similar-factor-share"),
            Map.entry("days", "--days"),
            Map.entry("from", "--from"),
            Map.entry("to", "--to"),
            Map.entry("model_version", "--version")));
    /** Keys that say where else the bundle goes, not how to train. */
    static final List<String> DESTINATION = List.of("lake_bucket", "lake_prefix");

    /** Makes the lake's model store for (bucket, key prefix); S3 in the container, a folder in tests. */
    interface LakeStores extends BiFunction<String, String, ModelStore> {
    }

    private SageMakerEntrypoint() {
    }

    public static void main(String[] args) {
        LakeStores s3 = (bucket, prefix) -> new S3ModelStore(software.amazon.awssdk.services.s3.S3Client.create(), bucket, prefix);
        System.exit(run(args, System.getenv(ROOT_ENV), System.out, System.err, Clock.systemUTC(), s3));
    }

    static int run(String[] args, String rootFromEnv, PrintStream out, PrintStream err, Clock clock, LakeStores lakeStores) {
        Path root = Path.of(rootFromEnv == null || rootFromEnv.isBlank() ? DEFAULT_ROOT : rootFromEnv);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "train" -> { } // what SageMaker passes to the image
                case "--root" -> {
                    if (i + 1 >= args.length) {
                        return fail(null, Main.BAD_ARGUMENTS, "--root needs a folder", err);
                    }
                    root = Path.of(args[++i]);
                }
                default -> {
                    return fail(root, Main.BAD_ARGUMENTS, "unknown argument " + args[i]
                            + " (the container takes only 'train'; settings go in hyperparameters.json)", err);
                }
            }
        }
        Path config = root.resolve("input/config/hyperparameters.json");
        Path data = root.resolve("input/data");
        Path model = root.resolve("model");

        List<String> options = new ArrayList<>(List.of("--lake", data.toString(), "--output", model.toString()));
        String bucket;
        String prefix;
        try {
            Map<String, String> hp = hyperparameters(config);
            if (!hp.containsKey("days") && !hp.containsKey("from")) {
                options.addAll(List.of("--days", "all")); // the channel holds what the caller chose to train on
            }
            hp.forEach((k, v) -> {
                String option = HYPERPARAMETERS.get(k);
                if (option != null) {
                    options.add(option);
                    options.add(v);
                }
            });
            bucket = hp.get("lake_bucket");
            prefix = hp.getOrDefault("lake_prefix", "");
        } catch (IllegalArgumentException | IOException e) {
            return fail(root, Main.BAD_ARGUMENTS, "hyperparameters.json: " + e.getMessage(), err);
        }
        if (!Files.isDirectory(data.resolve("events"))) {
            return fail(root, Main.NO_DATA, "no events channel: " + data.resolve("events")
                    + " is missing (give the training job an input channel named 'events' with the lake's events/ prefix)", err);
        }

        out.println("sagemaker: training with " + String.join(" ", options));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = Main.run(options.toArray(String[]::new), out, new PrintStream(new Tee(err, errors), true, StandardCharsets.UTF_8), clock);
        if (code != Main.OK) {
            String reason = errors.toString(StandardCharsets.UTF_8).strip();
            return fail(root, code, reason.isEmpty() ? "training exited with " + code : reason, err);
        }
        if (bucket != null && !bucket.isBlank()) {
            try {
                String version = copyToLake(new LocalFolderModelStore(model), lakeStores.apply(bucket, prefix));
                out.printf("sagemaker: copied models/%s/ to s3://%s/%smodels/%s/%n", version, bucket,
                        prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/", version);
            } catch (RuntimeException e) {
                return fail(root, Main.FAILED, "copying the bundle to the lake failed: " + e, err);
            }
        }
        return Main.OK;
    }

    /** Every key must be known (a typo must not silently train with a default); values are strings. */
    static Map<String, String> hyperparameters(Path config) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(config)) {
            return out;
        }
        JsonNode root = Json.newMapper().readTree(Files.readAllBytes(config));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey();
            if (!HYPERPARAMETERS.containsKey(key) && !DESTINATION.contains(key)) {
                throw new IllegalArgumentException("unknown hyperparameter " + key + " (known: "
                        + String.join(", ", HYPERPARAMETERS.keySet()) + ", " + String.join(", ", DESTINATION) + ")");
            }
            if (!e.getValue().isValueNode()) {
                throw new IllegalArgumentException("hyperparameter " + key + " must be a string");
            }
            out.put(key, e.getValue().asText());
        }
        return out;
    }

    /** The one bundle under model/models/ into the lake store: every artifact, then the manifest. */
    static String copyToLake(ModelStore local, ModelStore lake) {
        List<String> versions = local.versions();
        if (versions.size() != 1) {
            throw new IllegalStateException("expected one bundle in the model folder, found " + versions);
        }
        String version = versions.getFirst();
        List<String> artifacts = local.artifacts(version);
        for (String a : artifacts) {
            if (!a.equals(dev.marquee.adapters.bundle.BundleFiles.MANIFEST)) {
                lake.put(version, a, local.get(version, a).orElseThrow());
            }
        }
        lake.put(version, dev.marquee.adapters.bundle.BundleFiles.MANIFEST,
                local.get(version, dev.marquee.adapters.bundle.BundleFiles.MANIFEST).orElseThrow());
        return version;
    }

    /** Writes output/failure (SageMaker shows it as the job's FailureReason) and returns the code. */
    private static int fail(Path root, int code, String reason, PrintStream err) {
        err.println("sagemaker: " + reason);
        if (root != null) {
            try {
                Path failure = root.resolve("output/failure");
                Files.createDirectories(failure.getParent());
                Files.writeString(failure, reason + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("sagemaker: could not write output/failure: " + e);
            }
        }
        return code;
    }

    /** Forwards to the console and keeps a copy for the failure file. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
