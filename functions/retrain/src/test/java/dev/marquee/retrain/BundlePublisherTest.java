package dev.marquee.retrain;

import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.embedded.InMemoryCandidateStore;
import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.publish.BundlePublisher;
import dev.marquee.domain.publish.PublishGate;
import dev.marquee.domain.publish.PublishResult;
import dev.marquee.domain.publish.PublishResult.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.marquee.domain.model.CandidateKind.SEGMENT;
import static dev.marquee.domain.model.CandidateKind.SIMILAR;
import static dev.marquee.domain.model.CandidateKind.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publish step on the embedded adapters: gate, checksums, chunked load, switch, cleanup, rollback. */
class BundlePublisherTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path lake;
    LocalFolderModelStore store;
    InMemoryCandidateStore candidates;
    InMemoryModelRegistry registry;

    @BeforeEach
    void setUp() {
        store = new LocalFolderModelStore(lake);
        candidates = new InMemoryCandidateStore();
        registry = new InMemoryModelRegistry();
    }

    private BundlePublisher publisher(ModelRegistry reg, CandidateStore cands, int chunk) {
        return new BundlePublisher(store, BundleFiles::read, cands, reg, PublishGate.absolute(0.02), CLOCK, chunk);
    }

    private PublishResult publish(String version) {
        return publisher(registry, candidates, 1000).publish(BundleManifest.read(store, version));
    }

    @Test
    void firstPublishLoadsEveryListAndActivatesWithHeadlineMetrics() {
        TestBundles.write(store, "v1", 50, 0.30);

        PublishResult r = publish("v1");

        assertThat(r.outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(r.lists()).containsEntry(USER, 50).containsEntry(SIMILAR, 5).containsEntry(SEGMENT, 5);
        assertThat(r.replaced()).isNull();
        ModelVersion active = registry.active().orElseThrow();
        assertThat(active.version()).isEqualTo("v1");
        assertThat(active.activatedAt()).isEqualTo(CLOCK.instant());
        assertThat(active.metrics()).containsEntry("ndcg@10", 0.30).containsEntry("popularity.ndcg@10", 0.05);
        assertThat(candidates.get("v1", USER, "u49")).isEqualTo(TestBundles.list("v1", 5));
        assertThat(candidates.get("v1", SEGMENT, "country=US|k4")).hasSize(5);
    }

    @Test
    void gateRefusesAWorseBundleAndChangesNothing() {
        TestBundles.write(store, "v1", 20, 0.33);
        TestBundles.write(store, "v2", 20, 0.30);
        publish("v1");

        PublishResult r = publish("v2");

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.reason()).contains("below the gate");
        assertThat(registry.active().orElseThrow().version()).isEqualTo("v1");
        assertThat(candidates.get("v2", USER, "u0")).isEmpty();
        assertThat(candidates.get("v1", USER, "u0")).isEqualTo(TestBundles.list("v1", 5));
    }

    @Test
    void aSlightlyWorseBundleWithinTheMarginPublishes() {
        TestBundles.write(store, "v1", 20, 0.33);
        TestBundles.write(store, "v2", 20, 0.315);
        publish("v1");

        assertThat(publish("v2").outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(registry.previous().orElseThrow().version()).isEqualTo("v1");
    }

    @Test
    void aListFileThatDoesNotMatchItsChecksumIsRefusedBeforeAnythingLoads() {
        TestBundles.write(store, "v1", 20, 0.30);
        Map<String, List<Candidate>> tampered = BundleFiles.readAll(store.get("v1", BundleFiles.fileOf(SIMILAR)).orElseThrow());
        tampered.put("i0", List.of(new Candidate("injected", 9.9, "ials")));
        store.put("v1", BundleFiles.fileOf(SIMILAR), BundleFiles.write(tampered));

        PublishResult r = publish("v1");

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.reason()).contains("similar.jsonl.gz");
        assertThat(registry.active()).isEmpty();
        assertThat(candidates.get("v1", USER, "u0")).isEmpty();
    }

    @Test
    void aListFileMissingFromTheManifestIsRefused() {
        TestBundles.write(store, "v1", 20, 0.30);
        store.put("v1", BundleFiles.MANIFEST, "{\"artifacts\":{}}".getBytes(StandardCharsets.UTF_8));

        PublishResult r = publish("v1");

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.reason()).contains("manifest.json has no entry for candidates.jsonl.gz");
    }

    @Test
    void aBundleWithoutMetricsCannotBeDescribed() {
        TestBundles.write(store, "v1", 5, 0.30);
        store.put("v1", BundleFiles.METRICS, "{\"popularity\":{}}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BundleManifest.read(store, "v1"))
                .isInstanceOf(BundleManifest.InvalidBundleException.class).hasMessageContaining("ials");
    }

    @Test
    void listsAreWrittenInChunksOfTheConfiguredSize() {
        TestBundles.write(store, "v1", 2_500, 0.30);
        List<Integer> batchSizes = new ArrayList<>();
        CandidateStore counting = new CandidateStore() {
            @Override
            public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> lists) {
                batchSizes.add(lists.size());
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

        PublishResult r = publisher(registry, counting, 1000).publish(BundleManifest.read(store, "v1"));

        assertThat(r.lists()).containsEntry(USER, 2_500);
        // USER 1000+1000+500, SIMILAR 250, SEGMENT 250
        assertThat(batchSizes).containsExactly(1000, 1000, 500, 250, 250);
    }

    @Test
    void versionsBeyondThePreviousOneAreDeletedAfterTheSwitch() {
        for (String v : List.of("v1", "v2", "v3")) {
            TestBundles.write(store, v, 10, 0.30);
        }
        publish("v1");
        publish("v2");

        PublishResult r = publish("v3");

        assertThat(r.deleted()).containsExactly("v1");
        assertThat(candidates.get("v1", USER, "u0")).isEmpty();
        assertThat(candidates.get("v2", USER, "u0")).isEqualTo(TestBundles.list("v2", 5));
        assertThat(candidates.get("v3", USER, "u0")).isEqualTo(TestBundles.list("v3", 5));
    }

    @Test
    void rollbackReactivatesThePreviousVersionWithItsLists() {
        TestBundles.write(store, "v1", 10, 0.30);
        TestBundles.write(store, "v2", 10, 0.31);
        publish("v1");
        publish("v2");

        PublishResult r = publisher(registry, candidates, 1000).rollback();

        assertThat(r.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        ModelVersion active = registry.active().orElseThrow();
        assertThat(active.version()).isEqualTo("v1");
        assertThat(active.metrics()).containsEntry("ndcg@10", 0.30);
        assertThat(registry.previous().orElseThrow().version()).isEqualTo("v2");
        assertThat(candidates.get(active.version(), USER, "u3")).isEqualTo(TestBundles.list("v1", 5));
    }

    @Test
    void rollbackWithNothingToGoBackToIsRefused() {
        assertThat(publisher(registry, candidates, 1000).rollback().outcome()).isEqualTo(Outcome.REFUSED);
        TestBundles.write(store, "v1", 10, 0.30);
        publish("v1");
        assertThat(publisher(registry, candidates, 1000).rollback().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(registry.active().orElseThrow().version()).isEqualTo("v1");
    }

    @Test
    void aPublishThatLosesTheSwitchReportsAConflictAndLeavesTheWinner() {
        TestBundles.write(store, "v1", 10, 0.30);
        TestBundles.write(store, "v2", 10, 0.30);
        publish("v1");
        ModelVersion intruder = new ModelVersion("other", CLOCK.instant(), Map.of());
        ModelRegistry racing = new ModelRegistry() {
            @Override
            public Optional<ModelVersion> active() {
                return registry.active();
            }

            @Override
            public Optional<ModelVersion> previous() {
                return registry.previous();
            }

            @Override
            public boolean activate(ModelVersion next, String expectedCurrent) {
                registry.activate(intruder, expectedCurrent); // someone else gets there first
                return registry.activate(next, expectedCurrent);
            }
        };

        PublishResult r = publisher(racing, candidates, 1000).publish(BundleManifest.read(store, "v2"));

        assertThat(r.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(r.reason()).contains("other");
        assertThat(registry.active().orElseThrow().version()).isEqualTo("other");
        assertThat(r.deleted()).isEmpty();
        assertThat(candidates.get("v1", USER, "u0")).isNotEmpty();
    }

    @Test
    void republishingTheActiveVersionIsRefused() {
        TestBundles.write(store, "v1", 10, 0.30);
        publish("v1");
        assertThat(publish("v1").outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void theCommandLineChecksABundleWithoutADynamoDbAndExplainsItself() {
        TestBundles.write(store, "v1", 10, 0.30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = PublishMain.run(new String[]{"--lake", lake.toString(), "--version", "v1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("checked v1", "nothing persisted", "USER=10");
        assertThat(PublishMain.run(new String[]{"--help"}, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(PublishMain.run(new String[]{"--version", "v1"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(PublishMain.run(new String[]{"--rollback"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(PublishMain.run(new String[]{"--lake", lake.toString(), "--version", "nope"},
                new PrintStream(out), new PrintStream(err))).isEqualTo(1);
    }
}
