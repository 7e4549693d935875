package dev.marquee.retrain;

import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.dynamodb.DynamoDbCandidateStore;
import dev.marquee.adapters.dynamodb.DynamoDbModelRegistry;
import dev.marquee.adapters.dynamodb.DynamoDbTables;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.publish.BundlePublisher;
import dev.marquee.domain.publish.PublishGate;
import dev.marquee.domain.publish.PublishResult;
import dev.marquee.domain.publish.PublishResult.Outcome;
import dev.marquee.testing.backend.DynamoDbLocalBackend;
import dev.marquee.testing.contract.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.marquee.domain.model.CandidateKind.USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish step on DynamoDB Local with the real adapters: readers never see a half-published version, a refused
 * bundle changes nothing, concurrent publishes have one winner, rollback brings the old answers back.
 */
class PublishOnDynamoDbIT {
    private static DynamoDbLocalBackend backend;
    private static DynamoDbClient client;

    @TempDir
    Path lake;
    LocalFolderModelStore store;
    String candidatesTable;
    String modelsTable;
    DynamoDbCandidateStore candidates;
    DynamoDbModelRegistry registry;

    @BeforeAll
    static void start() {
        backend = DynamoDbLocalBackend.start();
        client = backend.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        backend.close();
    }

    @BeforeEach
    void tables() {
        store = new LocalFolderModelStore(lake);
        candidatesTable = Fixtures.unique(DynamoDbTables.CANDIDATES);
        modelsTable = Fixtures.unique(DynamoDbTables.MODELS);
        DynamoDbTables.createCandidates(client, candidatesTable);
        DynamoDbTables.createModels(client, modelsTable);
        candidates = new DynamoDbCandidateStore(client, candidatesTable);
        registry = new DynamoDbModelRegistry(client, modelsTable);
    }

    @AfterEach
    void drop() {
        DynamoDbTables.delete(client, candidatesTable);
        DynamoDbTables.delete(client, modelsTable);
    }

    private BundlePublisher publisher(CandidateStore cands) {
        return new BundlePublisher(store, BundleFiles::read, cands, registry, PublishGate.absolute(0.02),
                Clock.systemUTC(), 1000);
    }

    private PublishResult publish(String version) {
        return publisher(candidates).publish(BundleManifest.read(store, version));
    }

    @Test
    void readersSeeACompleteOldOrACompleteNewListThroughoutAPublish() throws Exception {
        int users = 3_000;
        for (String v : List.of("v0", "v1", "v2")) {
            TestBundles.write(store, v, users, 0.30);
        }
        assertThat(publish("v0").outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(publish("v1").outcome()).isEqualTo(Outcome.PUBLISHED);

        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        AtomicLong readsWhilePublishing = new AtomicLong();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<String> violations = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> readers = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            for (int t = 0; t < 3; t++) {
                readers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        boolean during = publishing.get();
                        String active = registry.active().map(ModelVersion::version).orElse("none");
                        String user = "u" + ThreadLocalRandom.current().nextInt(users);
                        List<Candidate> list = candidates.get(active, USER, user);
                        if (!list.equals(TestBundles.list(active, 5))) {
                            violations.add(active + "/" + user + " -> " + list);
                        }
                        versionsSeen.add(active);
                        reads.incrementAndGet();
                        if (during) {
                            readsWhilePublishing.incrementAndGet();
                        }
                    }
                }));
            }
            Future<PublishResult> writer = pool.submit(() -> {
                try {
                    return publish("v2");
                } finally {
                    publishing.set(false);
                }
            });
            PublishResult result = writer.get(120, TimeUnit.SECONDS);
            long after = reads.get();
            while (reads.get() < after + 200) {
                Thread.sleep(5);
            }
            stop.set(true);
            for (Future<?> r : readers) {
                r.get(30, TimeUnit.SECONDS);
            }

            assertThat(result.outcome()).isEqualTo(Outcome.PUBLISHED);
            assertThat(result.lists()).containsEntry(USER, users);
            assertThat(result.deleted()).containsExactly("v0");
        } finally {
            pool.shutdownNow();
        }

        assertThat(violations).as("reads that saw a missing or mixed list under the active version").isEmpty();
        assertThat(readsWhilePublishing.get()).as("reads overlapping the publish").isGreaterThan(50);
        assertThat(versionsSeen).contains("v1", "v2").doesNotContain("v0", "none");
        assertThat(candidates.get("v0", USER, "u1")).as("v0 is past the rollback window").isEmpty();
    }

    @Test
    void aBundleTheGateRefusesLeavesTheActiveVersionAndItsListsAlone() {
        TestBundles.write(store, "v1", 300, 0.33);
        TestBundles.write(store, "v2", 300, 0.20);
        publish("v1");
        ModelVersion before = registry.active().orElseThrow();

        PublishResult r = publish("v2");

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.reason()).contains("below the gate");
        assertThat(registry.active()).contains(before);
        assertThat(registry.previous()).isEmpty();
        for (int u = 0; u < 300; u += 37) {
            assertThat(candidates.get("v1", USER, "u" + u)).isEqualTo(TestBundles.list("v1", 5));
            assertThat(candidates.get("v2", USER, "u" + u)).isEmpty();
        }
    }

    @Test
    void ofConcurrentPublishesExactlyOneWins() throws Exception {
        TestBundles.write(store, "v1", 200, 0.30);
        publish("v1");
        List<String> contenders = List.of("a", "b", "c", "d");
        for (String v : contenders) {
            TestBundles.write(store, v, 500, 0.31);
        }
        // every contender has read the active version (before loading) when the first one starts to load
        CyclicBarrier allLoading = new CyclicBarrier(contenders.size());
        ExecutorService pool = Executors.newFixedThreadPool(contenders.size());
        List<PublishResult> results = new ArrayList<>();
        try {
            List<Future<PublishResult>> futures = new ArrayList<>();
            for (String v : contenders) {
                AtomicBoolean first = new AtomicBoolean(true);
                CandidateStore barrierOnFirstWrite = new CandidateStore() {
                    @Override
                    public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> lists) {
                        if (first.getAndSet(false)) {
                            try {
                                allLoading.await(30, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        candidates.putAll(version, kind, lists);
                    }

                    @Override
                    public List<Candidate> get(String version, CandidateKind kind, String key) {
                        return candidates.get(version, kind, key);
                    }

                    @Override
                    public void deleteVersion(String version) {
                        candidates.deleteVersion(version);
                    }
                };
                futures.add(pool.submit(() -> publisher(barrierOnFirstWrite).publish(BundleManifest.read(store, v))));
            }
            for (Future<PublishResult> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<PublishResult> winners = results.stream().filter(r -> r.outcome() == Outcome.PUBLISHED).toList();
        assertThat(winners).hasSize(1);
        assertThat(results).filteredOn(r -> r.outcome() == Outcome.CONFLICT).hasSize(contenders.size() - 1);
        String winner = winners.getFirst().version();
        assertThat(registry.active().orElseThrow().version()).isEqualTo(winner);
        assertThat(registry.previous().orElseThrow().version()).isEqualTo("v1");
        assertThat(candidates.get(winner, USER, "u499")).isEqualTo(TestBundles.list(winner, 5));
        assertThat(candidates.get("v1", USER, "u0")).isEqualTo(TestBundles.list("v1", 5));
    }

    @Test
    void rollbackRestoresThePreviousVersionsAnswers() {
        TestBundles.write(store, "v1", 400, 0.30);
        TestBundles.write(store, "v2", 400, 0.31);
        publish("v1");
        List<List<Candidate>> v1Answers = answers();
        publish("v2");
        assertThat(answers()).isNotEqualTo(v1Answers);

        PublishResult r = publisher(candidates).rollback();

        assertThat(r.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(registry.active().orElseThrow().version()).isEqualTo("v1");
        assertThat(registry.previous().orElseThrow().version()).isEqualTo("v2");
        assertThat(answers()).isEqualTo(v1Answers);
        // a second rollback undoes the first
        assertThat(publisher(candidates).rollback().version()).isEqualTo("v2");
        assertThat(answers().getFirst()).isEqualTo(TestBundles.list("v2", 5));
    }

    @Test
    void theCommandLinePublishesAndRollsBackOnTheDefaultTables() {
        TestBundles.write(store, "v1", 30, 0.30);
        TestBundles.write(store, "v2", 30, 0.30);
        String endpoint = backend.endpoint().toString();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(PublishMain.run(new String[]{"--lake", lake.toString(), "--version", "v1", "--dynamodb-endpoint", endpoint}, print, print)).isZero();
        assertThat(PublishMain.run(new String[]{"--lake", lake.toString(), "--version", "v2", "--dynamodb-endpoint", endpoint, "--margin", "0.05", "--relative"}, print, print)).isZero();
        DynamoDbModelRegistry defaults = new DynamoDbModelRegistry(client, DynamoDbTables.MODELS);
        assertThat(defaults.active().orElseThrow().version()).isEqualTo("v2");
        assertThat(new DynamoDbCandidateStore(client, DynamoDbTables.CANDIDATES).get("v2", USER, "u29"))
                .isEqualTo(TestBundles.list("v2", 5));

        assertThat(PublishMain.run(new String[]{"--rollback", "--dynamodb-endpoint", endpoint}, print, print)).isZero();
        assertThat(defaults.active().orElseThrow().version()).isEqualTo("v1");
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("published v1", "published v2 (was v1)", "rolled back to v1 (was v2)");
    }

    /** What the funnel would read for a few users: their lists under the active version. */
    private List<List<Candidate>> answers() {
        String active = registry.active().orElseThrow().version();
        List<List<Candidate>> out = new ArrayList<>();
        for (int u = 0; u < 400; u += 41) {
            out.add(candidates.get(active, USER, "u" + u));
        }
        return out;
    }
}
