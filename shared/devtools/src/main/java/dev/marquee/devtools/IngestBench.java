package dev.marquee.devtools;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryResponseCache;
import dev.marquee.adapters.embedded.LocalFolderDeadLetterSink;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.redis.RedisFeatureStore;
import dev.marquee.adapters.redis.RedisResponseCache;
import dev.marquee.adapters.s3.S3EventLake;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.ingest.IngestPipeline;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.ingest.BatchResponse;
import dev.marquee.ingest.StreamBatch;
import dev.marquee.ingest.StreamBatchHandler;
import dev.marquee.runtime.metrics.EmfMetrics;
import dev.marquee.testing.backend.RedisTestClient;
import dev.marquee.testing.backend.RedisServerBackend;
import dev.marquee.testing.backend.S3MockBackend;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Events per second through ONE ingest handler instance, end to end: decode and validate each SQS record, write
 * the lake (an S3-compatible server), apply the features (a real Redis server), invalidate caches. Both servers run
 * on this machine's loopback and share its cores with the handler, so the figure is a floor for Lambda + AWS.
 */
final class IngestBench {
    private static final String BUCKET = "bench-lake";

    private IngestBench() {
    }

    static int run(String[] args) throws Exception {
        int small = 20_000;
        int large = 30_000;
        boolean redisFeatures = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> {
                    small = Integer.parseInt(args[++i]);
                    large = Math.max(10_000, small);
                }
                case "--features" -> {
                    String where = args[++i];
                    if (!where.equals("redis") && !where.equals("memory")) {
                        System.err.println("--features is redis or memory");
                        return 2;
                    }
                    redisFeatures = where.equals("redis");
                }
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: ./marquee bench ingest [--events N]

                            Sends synthetic events through one ingest handler (SQS-shaped batches of 100 and of 10,000)
                            into S3Mock and a Redis server on 127.0.0.1, and prints events/second per batch size, then
                            one JSON line per batch size; the last is {"bench":"ingest","batch":10000,...}.
                            --events N          events for the batch-100 run (default 20000); the 10,000 run uses max(N, 10000)
                            --features memory   features in memory instead of Redis: the decode + validate + lake ceiling""");
                    return 0;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    return 2;
                }
            }
        }
        // HTTPS, as to real S3: the SDK then skips the per-chunk payload signing it does over plain HTTP
        System.out.println("Starting S3Mock (HTTPS) and a Redis server on 127.0.0.1 ...");
        Path work = Files.createTempDirectory("marquee-bench-ingest");
        try (S3MockBackend s3Server = S3MockBackend.startWithTls(work.resolve("s3"));
             RedisServerBackend redisServer = RedisServerBackend.start();
             RedisTestClient redis = RedisTestClient.connect(redisServer.endpoint(), Duration.ofSeconds(5));
             S3Client s3 = s3Server.client()) {
            s3.createBucket(b -> b.bucket(BUCKET));
            PhaseTimers timers = new PhaseTimers();
            StreamBatchHandler handler = handler(s3, redis, work, redisFeatures, timers);
            Probes probes = new Probes(timers, redis);
            EventCodec codec = new EventCodec();
            SplittableRandom rnd = new SplittableRandom(42);

            System.out.println("Warming up (5,000 events) ...");
            measure(handler, probes, records(codec, rnd, 5_000), 500, null);

            List<Result> results = new ArrayList<>();
            results.add(measure(handler, probes, records(codec, rnd, small), 100, "batch 100"));
            results.add(measure(handler, probes, records(codec, rnd, large), 10_000, "batch 10000"));

            System.out.println();
            loadAverage().ifPresent(load -> System.out.printf(Locale.ROOT,
                    "machine load average (1 min) at the end: %.1f on %d cores%s%n", load, Runtime.getRuntime().availableProcessors(),
                    load > Runtime.getRuntime().availableProcessors() ? ": other processes took CPU, read the figures as floors" : ""));
            System.out.println("ingest: one handler instance, lake = S3Mock over HTTPS, features = " + (redisFeatures ? "Redis 6.2" : "in memory")
                    + ", all on 127.0.0.1 (" +
                    Runtime.getRuntime().availableProcessors() + " cores)");
            System.out.printf(Locale.ROOT, "%8s %10s %10s %12s %14s %22s%n", "batch", "events", "seconds", "events/s", "p50 batch ms", "handler cpu us/event");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "%8d %10d %10.2f %12.0f %14.1f %22.1f%n", r.batch, r.events, r.seconds, r.events / r.seconds,
                        r.p50BatchMs, r.handlerCpuMicrosPerEvent);
            }
            System.out.println();
            System.out.println("where the time goes, us per event: wall time in each port call (the rest of a batch is decode + validate),");
            System.out.println("then CPU of the local servers (S3Mock's threads in this JVM, the Redis server process)");
            System.out.printf(Locale.ROOT, "%8s %10s %10s %10s %10s %12s %12s%n", "batch", "lake", "features", "cache", "other", "s3mock cpu", "redis cpu");
            for (Result r : results) {
                double wallMicros = r.seconds * 1e6 / r.events;
                double other = wallMicros - r.lakeMicros - r.featuresMicros - r.cacheMicros;
                System.out.printf(Locale.ROOT, "%8d %10.1f %10.1f %10.1f %10.1f %12.1f %12.1f%n", r.batch, r.lakeMicros, r.featuresMicros,
                        r.cacheMicros, other, r.s3mockCpuMicros, r.redisCpuMicros);
            }
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "{\"bench\":\"ingest\",\"batch\":%d,\"events_per_s\":%.0f,\"events\":%d,\"seconds\":%.3f,\"p50_batch_ms\":%.1f,\"handler_cpu_us_per_event\":%.1f,\"features\":\"%s\"}%n",
                        r.batch, r.events / r.seconds, r.events, r.seconds, r.p50BatchMs, r.handlerCpuMicrosPerEvent, redisFeatures ? "redis" : "memory");
            }
            return 0;
        }
    }

    /** The 1-minute load average where the OS tells it (Linux), so a reader knows whether the machine was shared. */
    private static java.util.Optional<Double> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return java.util.Optional.of(Double.parseDouble(fields[0]));
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private record Result(int batch, int events, double seconds, double p50BatchMs, double handlerCpuMicrosPerEvent,
                          double lakeMicros, double featuresMicros, double cacheMicros, double s3mockCpuMicros, double redisCpuMicros) {
    }

    /** What the bench reads around a run: phase timers, this JVM's thread CPU, the Redis server's own CPU. */
    private record Probes(PhaseTimers timers, RedisTestClient redis) {
        /** used_cpu_sys + used_cpu_user of INFO cpu, in nanoseconds. */
        long redisCpuNanos() {
            double seconds = 0;
            for (String line : redis.dataSource().execute("INFO", "cpu").toString().split("\r?\n")) {
                if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                    seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return (long) (seconds * 1e9);
        }
    }

    /**
     * CPU time of this JVM's threads except S3Mock's (Tomcat's) ones: the handler, its SDK and Redis clients. The
     * local servers share this machine's cores, so this says what one instance costs where they do not.
     */
    private static long handlerCpuNanos() {
        return threadCpuNanos(false);
    }

    /** CPU time of S3Mock's (Tomcat's) threads in this JVM. */
    private static long s3mockCpuNanos() {
        return threadCpuNanos(true);
    }

    private static long threadCpuNanos(boolean s3mock) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            String name = t.getThreadName();
            boolean server = name.startsWith("http-nio") || name.startsWith("https-jsse-nio") || name.startsWith("Catalina")
                    || name.startsWith("container-");
            if (server != s3mock) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(t.getThreadId());
            total += Math.max(0, cpu);
        }
        return total;
    }

    private static StreamBatchHandler handler(S3Client s3, RedisTestClient redis, Path work, boolean redisFeatures, PhaseTimers timers) {
        S3EventLake lake = new S3EventLake(s3, BUCKET, "", Clock.systemUTC());
        FeatureStore features = redisFeatures ? new RedisFeatureStore(redis.dataSource(), Duration.ofHours(6), Duration.ofSeconds(5))
                : new InMemoryFeatureStore(Duration.ofHours(6), Clock.systemUTC());
        ResponseCache cache = redisFeatures ? new RedisResponseCache(redis.dataSource(), Clock.systemUTC(), Duration.ofSeconds(5)) : new InMemoryResponseCache(Clock.systemUTC());
        IngestPipeline pipeline = new IngestPipeline(timers.lake(lake), timers.features(features), timers.cache(cache),
                EventWeights.defaults(), new FeatureUpdate.Limits(100, Duration.ofHours(48)));
        return new StreamBatchHandler(pipeline, new LocalFolderDeadLetterSink(work), new EmfMetrics(), new ObjectMapper(), Clock.systemUTC());
    }

    /** SQS records carrying the public event JSON, as the api publishes them. */
    private static List<StreamBatch.Record> records(EventCodec codec, SplittableRandom rnd, int n) {
        EventType[] types = {EventType.PLAY, EventType.PLAY, EventType.COMPLETE, EventType.CLICK, EventType.LIKE, EventType.IMPRESSION, EventType.SKIP};
        String[] countries = {"US", "GB", "DE", "FR", "BR", "IN"};
        Instant now = Instant.now();
        List<StreamBatch.Record> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            InteractionEvent e = new InteractionEvent(UUID.randomUUID().toString(), "u" + rnd.nextInt(20_000), "i" + rnd.nextInt(5_000),
                    types[rnd.nextInt(types.length)], now.minusSeconds(rnd.nextInt(3_600)), null, null, null,
                    new EventContext("tv", countries[rnd.nextInt(countries.length)], null, "homepage"));
            out.add(new StreamBatch.Record("aws:sqs", UUID.randomUUID().toString(), codec.encode(e), null));
        }
        return out;
    }

    private static Result measure(StreamBatchHandler handler, Probes probes, List<StreamBatch.Record> records, int batch, String label) {
        List<Double> batchMillis = new ArrayList<>();
        PhaseTimers.Snapshot phasesStart = probes.timers().snapshot();
        long s3mockStart = s3mockCpuNanos();
        long redisStart = probes.redisCpuNanos();
        long cpuStart = handlerCpuNanos();
        long start = System.nanoTime();
        int done = 0;
        for (int from = 0; from < records.size(); from += batch) {
            List<StreamBatch.Record> slice = records.subList(from, Math.min(records.size(), from + batch));
            long t = System.nanoTime();
            BatchResponse response = handler.handleRequest(new StreamBatch(slice), null);
            batchMillis.add((System.nanoTime() - t) / 1e6);
            if (!response.batchItemFailures().isEmpty()) {
                throw new IllegalStateException(response.batchItemFailures().size() + " records failed during the bench");
            }
            done += slice.size();
            if (label != null && (batchMillis.size() % Math.max(1, 2_000 / batch) == 0 || done == records.size())) {
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "  %s: %,d / %,d events, %.0f events/s%n", label, done, records.size(), done / s);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = records.size();
        double cpuMicrosPerEvent = (handlerCpuNanos() - cpuStart) / 1e3 / n;
        double s3mockMicros = (s3mockCpuNanos() - s3mockStart) / 1e3 / n;
        double redisMicros = (probes.redisCpuNanos() - redisStart) / 1e3 / n;
        PhaseTimers.Snapshot phases = probes.timers().snapshot().minus(phasesStart);
        batchMillis.sort(Double::compare);
        return new Result(batch, n, seconds, batchMillis.get(batchMillis.size() / 2), cpuMicrosPerEvent,
                phases.lakeNanos() / 1e3 / n, phases.featuresNanos() / 1e3 / n, phases.cacheNanos() / 1e3 / n, s3mockMicros, redisMicros);
    }
}
