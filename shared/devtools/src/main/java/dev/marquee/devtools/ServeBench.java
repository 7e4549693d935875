package dev.marquee.devtools;

import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.adapters.dynamodb.DynamoDbCandidateStore;
import dev.marquee.adapters.dynamodb.DynamoDbItemCatalog;
import dev.marquee.adapters.dynamodb.DynamoDbModelRegistry;
import dev.marquee.adapters.dynamodb.DynamoDbTables;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.redis.RedisFeatureStore;
import dev.marquee.adapters.redis.RedisResponseCache;
import dev.marquee.adapters.s3.S3EventLake;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.ingest.IngestPipeline;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.publish.BundlePublisher;
import dev.marquee.domain.publish.PublishGate;
import dev.marquee.testing.backend.DynamoDbLocalBackend;
import dev.marquee.testing.backend.FreePort;
import dev.marquee.testing.backend.FunctionSettings;
import dev.marquee.testing.backend.RedisServerBackend;
import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.testing.backend.S3MockBackend;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ./marquee bench serve}: the api's local server as its own JVM on the real local backends (DynamoDB Local,
 * a Redis server process, S3Mock as the lake; or its embedded stores with --embedded), with a model bundle trained on
 * MovieLens latest-small (--dataset) or a synthetic world of that size, warmed up, then driven over loopback at a fixed
 * rate, open loop, endpoint by endpoint. Prints p50/p99/max and throughput, then one JSON line per endpoint.
 */
final class ServeBench {
    private static final String BUCKET = "marquee-bench-lake";
    /** Recent events per user replayed through the ingest pipeline into Redis (the real-time features). */
    private static final int RECENT_PER_USER = 20;

    private ServeBench() {
    }

    static final String USAGE = """
            Usage: ./marquee bench serve [--dataset PATH] [--embedded] [--rps N] [--seconds N] [--warmup N] [--cache]

            Trains a model bundle (on the MovieLens folder PATH, e.g. ../shared/datasets/ml-latest-small, or else on a
            synthetic world of the same size: 9,742 items, 610 users, ~100k events), starts the api on 127.0.0.1 on
            DynamoDB Local + a Redis server + S3Mock (or on its embedded in-memory stores with --embedded), warms it up,
            then sends N requests/second, open loop, to each endpoint in turn:
              recommendations   GET /v1/recommendations?user_id=<random user>&limit=25
              similar           GET /v1/items/<random item>/similar?limit=25&user_id=<random user>
            and prints p50/p99/max latency (from when each request was due) and throughput, ending with one line per
            endpoint: {"bench":"serve","endpoint":...,"rps":...,"p50_ms":...,"p99_ms":...,"errors":...}

              --rps N        request rate per endpoint (default 200)
              --seconds N    measured seconds per endpoint (default 30)
              --warmup N     warm-up seconds per endpoint, not measured (default 30)
              --cache        keep the api's response cache on (off by default: repeated users would measure the cache)
              --embedded     the api's in-memory stores instead of DynamoDB Local, Redis and S3Mock""";

    static int run(String[] args) throws Exception {
        Path dataset = null;
        boolean embedded = false;
        boolean cache = false;
        int rps = 200;
        int seconds = 30;
        int warmup = 30;
        Path work = Path.of("target/bench-serve");
        Path apiJar = null;
        Path refreshJar = null;
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dataset" -> dataset = Path.of(args[++i]);
                case "--embedded" -> embedded = true;
                case "--cache" -> cache = true;
                case "--rps" -> rps = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--api-jar" -> apiJar = Path.of(args[++i]);
                case "--refresh-jar" -> refreshJar = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    return 2;
                }
            }
        }
        if (apiJar == null || refreshJar == null || !Files.exists(apiJar) || !Files.exists(refreshJar)) {
            System.err.println("--api-jar and --refresh-jar must name the built jars (./marquee bench serve passes them)");
            return 2;
        }
        if (dataset != null && !Files.isDirectory(dataset)) {
            System.err.println("--dataset must be a MovieLens folder: " + dataset);
            return 2;
        }
        if (rps < 1 || seconds < 1 || warmup < 0) {
            System.err.println("--rps and --seconds must be at least 1, --warmup at least 0");
            return 2;
        }
        Files.createDirectories(work);
        Path lake = work.resolve("world-" + (dataset == null ? "synthetic" : dataset.getFileName().toString()));
        BenchWorld world = BenchWorld.prepare(lake, dataset, java, refreshJar, System.out);
        List<InteractionEvent> events = world.events();
        List<String> users = events.stream().map(InteractionEvent::userId).distinct().toList();
        List<String> items = world.itemsWithNeighbours();
        String data = dataset == null ? "synthetic (ml-latest-small size)" : dataset.getFileName().toString();

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("marquee.api.response-cache.enabled", Boolean.toString(cache));
        settings.put("quarkus.log.category.\"dev.marquee\".level", "WARN");
        List<AutoCloseable> backends = new ArrayList<>();
        try {
            if (embedded) {
                settings.put("marquee.backend", "embedded");
                settings.put("marquee.local.lake-dir", lake.toString());
                settings.put("marquee.local.seed", "false");
            } else {
                settings.putAll(realBackends(world, events, backends));
            }
            int port = FreePort.next();
            System.out.println("Starting the api on 127.0.0.1:" + port + " (" + (embedded ? "embedded stores" : "DynamoDB Local, Redis, S3Mock") + ") ...");
            try (ApiProcess api = ApiProcess.start(java, apiJar, port, settings, work.resolve("api.log"), Duration.ofMinutes(3))) {
                URI base = api.base();
                SplittableRandom rnd = new SplittableRandom(7);
                String[] u = users.toArray(String[]::new);
                String[] it = items.toArray(String[]::new);
                Map<String, java.util.function.IntFunction<URI>> endpoints = new LinkedHashMap<>();
                endpoints.put("recommendations", i -> base.resolve("/v1/recommendations?user_id=" + u[rnd.nextInt(u.length)] + "&limit=25"));
                endpoints.put("similar", i -> base.resolve("/v1/items/" + it[rnd.nextInt(it.length)] + "/similar?limit=25&user_id=" + u[rnd.nextInt(u.length)]));

                LoadGenerator load = new LoadGenerator();
                List<LoadGenerator.Result> results = new ArrayList<>();
                for (var e : endpoints.entrySet()) {
                    if (warmup > 0) {
                        System.out.printf("Warming up %s: %d s at %d req/s ...%n", e.getKey(), warmup, rps);
                        load.run(e.getKey(), e.getValue(), rps, warmup);
                    }
                    System.out.printf("Measuring %s: %d s at %d req/s ...%n", e.getKey(), seconds, rps);
                    LoadGenerator.Result r = load.run(e.getKey(), e.getValue(), rps, seconds);
                    System.out.printf(Locale.ROOT, "  %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.1f req/s, %d errors, %d degraded%n",
                            r.endpoint(), r.p50(), r.p99(), r.max(), r.rps(), r.errors(), r.degraded());
                    results.add(r);
                }
                print(results, data, embedded, cache, rps, seconds, world.version, users.size(), items.size());
                return results.stream().allMatch(r -> r.errors() == 0) ? 0 : 1;
            }
        } finally {
            for (AutoCloseable b : backends.reversed()) {
                b.close();
            }
        }
    }

    /** Starts the backends, loads the catalog and the bundle into DynamoDB and recent events into Redis; the api's settings. */
    private static Map<String, String> realBackends(BenchWorld world, List<InteractionEvent> events, List<AutoCloseable> backends)
            throws Exception {
        System.out.println("Starting DynamoDB Local, a Redis server and S3Mock on 127.0.0.1 ...");
        DynamoDbLocalBackend dynamo = DynamoDbLocalBackend.start();
        backends.add(dynamo);
        RedisServerBackend redis = RedisServerBackend.start();
        backends.add(redis);
        S3MockBackend s3 = S3MockBackend.start(Files.createTempDirectory(world.lake.toAbsolutePath().getParent(), "s3mock-"));
        backends.add(s3);
        long t0 = System.nanoTime();
        try (DynamoDbClient ddb = dynamo.client(); S3Client s3Client = s3.client();
             RedisTestClient redisClient = RedisTestClient.connect(redis.endpoint(), Duration.ofSeconds(5))) {
            s3Client.createBucket(b -> b.bucket(BUCKET));
            DynamoDbTables.createAll(ddb, DynamoDbTables.DEFAULTS);
            var catalog = world.catalog();
            new DynamoDbItemCatalog(ddb, DynamoDbTables.ITEMS).putAll(catalog);
            LocalFolderModelStore models = new LocalFolderModelStore(world.lake);
            var published = new BundlePublisher(models, BundleFiles::read, new DynamoDbCandidateStore(ddb, DynamoDbTables.CANDIDATES),
                    new DynamoDbModelRegistry(ddb, DynamoDbTables.MODELS), PublishGate.absolute(Double.MAX_VALUE), Clock.systemUTC())
                    .publish(BundleManifest.read(models, world.version));
            // the newest events of each user through the ingest pipeline: the S3Mock lake, Redis features, cache drops
            Map<String, List<InteractionEvent>> byUser = new HashMap<>();
            for (int i = events.size() - 1; i >= 0; i--) {
                InteractionEvent e = events.get(i);
                List<InteractionEvent> mine = byUser.computeIfAbsent(e.userId(), k -> new ArrayList<>());
                if (mine.size() < RECENT_PER_USER) {
                    mine.add(e);
                }
            }
            List<IngestPipeline.Delivery> recent = byUser.values().stream().flatMap(List::stream)
                    .map(e -> new IngestPipeline.Delivery(e.eventId(), e)).toList();
            IngestPipeline ingest = new IngestPipeline(new S3EventLake(s3Client, BUCKET, "", Clock.systemUTC()),
                    new RedisFeatureStore(redisClient.dataSource(), Duration.ofHours(6)), new RedisResponseCache(redisClient.dataSource()),
                    EventWeights.defaults(), new FeatureUpdate.Limits(100, Duration.ofHours(48)));
            for (int from = 0; from < recent.size(); from += 1000) {
                ingest.ingest(recent.subList(from, Math.min(recent.size(), from + 1000)));
            }
            System.out.printf(Locale.ROOT, "Loaded %,d catalog items and bundle %s (%s) into DynamoDB Local, %,d recent events into Redis, in %.1f s%n",
                    catalog.size(), world.version, published, recent.size(), (System.nanoTime() - t0) / 1e9);
        }
        Map<String, String> s = new LinkedHashMap<>();
        s.put("marquee.backend", "aws");
        s.putAll(FunctionSettings.lake(s3, BUCKET));
        s.putAll(FunctionSettings.dynamoDb(dynamo));
        s.putAll(FunctionSettings.redis(redis));
        s.put("aws.accessKeyId", "test");
        s.put("aws.secretAccessKey", "test");
        s.put("aws.retryMode", "standard");
        s.put("aws.maxAttempts", "2");
        return s;
    }

    private static void print(List<LoadGenerator.Result> results, String data, boolean embedded, boolean cache, int rps,
                              int seconds, String version, int users, int items) {
        System.out.println();
        System.out.printf(Locale.ROOT, "serve: api JVM on %s, %s; model %s (%d users, %d items with neighbours); response cache %s; %d cores%n",
                embedded ? "embedded stores" : "DynamoDB Local + Redis 6.2 + S3Mock", data, version, users, items,
                cache ? "on" : "off", Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-16s %8s %8s %10s %10s %10s %10s %8s %9s%n", "endpoint", "target", "sent", "req/s", "p50 ms",
                "p99 ms", "max ms", "errors", "degraded");
        for (LoadGenerator.Result r : results) {
            System.out.printf(Locale.ROOT, "%-16s %8d %8d %10.1f %10.2f %10.2f %10.2f %8d %9d%n", r.endpoint(), rps, r.sent(), r.rps(),
                    r.p50(), r.p99(), r.max(), r.errors(), r.degraded());
        }
        System.out.println("(degraded: answered 200 with a fallback named, e.g. a store read over its budget)");
        for (LoadGenerator.Result r : results) {
            System.out.printf(Locale.ROOT,
                    "{\"bench\":\"serve\",\"endpoint\":\"%s\",\"rps\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d,\"degraded\":%d}%n",
                    r.endpoint(), r.rps(), r.p50(), r.p99(), r.errors(), r.degraded());
        }
    }
}
