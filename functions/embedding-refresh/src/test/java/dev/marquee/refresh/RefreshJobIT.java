package dev.marquee.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.domain.publish.BundleDescription;
import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.embedded.LocalFolderLakeFiles;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.json.Json;
import dev.marquee.adapters.lake.LakeDeletionLog;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.synth.SyntheticDataset;
import dev.marquee.domain.training.AlsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshJobIT {
    private static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(END.plus(Duration.ofHours(6)), ZoneOffset.UTC);
    private static final AlsParams PARAMS = new AlsParams(16, 10, 5, 10, 3, 42, 2);

    @TempDir
    Path lakeDir;

    private SyntheticDataset world() {
        SyntheticDataset world = SyntheticDataset.generate(SyntheticDataset.Spec.small(END));
        LocalFolderEventLake lake = new LocalFolderEventLake(lakeDir, new EventCodec(), CLOCK);
        lake.append(world.events());
        // a redelivered copy of some events must not count twice
        lake.append(world.events().subList(0, 50));
        return world;
    }

    private RefreshJob.Result run(ByteArrayOutputStream log) {
        LocalFolderLakeFiles files = new LocalFolderLakeFiles(lakeDir);
        RefreshJob job = new RefreshJob(new LocalFolderEventLake(lakeDir, new EventCodec(), CLOCK), new LakeDeletionLog(files),
                new LocalFolderModelStore(lakeDir), CLOCK, new PrintStream(log, true, StandardCharsets.UTF_8));
        RefreshJob.Options o = new RefreshJob.Options(END.minus(Duration.ofDays(30)), END.plusSeconds(1), PARAMS, 100, 20, 500,
                null, EventWeights.defaults());
        return job.run(o);
    }

    @Test
    void withTheRankerTheBundleCarriesItsOnnxModelSchemaTablesAndMetricsAndPassesTheGate() throws Exception {
        SyntheticDataset world = SyntheticDataset.generate(new SyntheticDataset.Spec(400, 300, 40, END, Duration.ofDays(14), 7));
        new LocalFolderEventLake(lakeDir, new EventCodec(), CLOCK).append(world.events());
        Map<String, dev.marquee.domain.model.Item> catalog = new HashMap<>();
        world.items().forEach(i -> catalog.put(i.itemId(), i));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LocalFolderLakeFiles files = new LocalFolderLakeFiles(lakeDir);
        RefreshJob job = new RefreshJob(new LocalFolderEventLake(lakeDir, new EventCodec(), CLOCK), new LakeDeletionLog(files),
                new LocalFolderModelStore(lakeDir), CLOCK, new PrintStream(log, true, StandardCharsets.UTF_8),
                dev.marquee.refresh.ranker.RankerParams.defaults().withTrees(40).withDepth(4), catalog);
        RefreshJob.Result result = job.run(new RefreshJob.Options(END.minus(Duration.ofDays(30)), END.plusSeconds(1), PARAMS,
                200, 20, 500, null, EventWeights.defaults()));

        LocalFolderModelStore store = new LocalFolderModelStore(lakeDir);
        assertThat(store.artifacts(result.version())).contains("ranker.onnx", "feature_schema.json", "ranker_signals.json");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("ranker: 40 trees", "candidate order");
        BundleDescription bundle = dev.marquee.adapters.bundle.BundleManifest.read(store, result.version());
        assertThat(bundle.rankerSchema()).isEqualTo(dev.marquee.domain.ranking.FeatureSchema.V1.version());
        assertThat(bundle.metrics()).containsKeys("ranker.ndcg@10", "ranker.candidate_order_ndcg@10");
        assertThat(bundle.metrics().get("ranker.ndcg@10")).as("the ranker beats the candidate order on this world")
                .isGreaterThan(bundle.metrics().get("ranker.candidate_order_ndcg@10"));
        assertThat(dev.marquee.domain.publish.RankerGate.DEFAULT.check(bundle).accepted()).isTrue();
        assertThat(dev.marquee.adapters.onnx.TreeEnsembleOnnx.schemaOf(store.get(result.version(), "ranker.onnx").orElseThrow()))
                .isEqualTo(dev.marquee.domain.ranking.FeatureSchema.V1);
    }

    @Test
    void writesAVerifiableBundleThatBeatsPopularityAndRecommendsOnlyUnseenItems() throws Exception {
        SyntheticDataset world = world();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RefreshJob.Result result = run(log);
        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("[eval] iteration 10/10", "[full] iteration  1/10", "ETA", "done in");
        assertThat(result.version()).isEqualTo("20261120T060000Z");

        LocalFolderModelStore store = new LocalFolderModelStore(lakeDir);
        assertThat(store.artifacts(result.version())).containsExactlyInAnyOrder("manifest.json", "metrics.json",
                "candidates.jsonl.gz", "similar.jsonl.gz", "popularity.jsonl.gz", "trending.jsonl.gz", "factors.bin", "factor_ids.json");
        JsonNode manifest = Json.newMapper().readTree(store.get(result.version(), "manifest.json").orElseThrow());
        assertThat(manifest.path("version").asText()).isEqualTo(result.version());
        assertThat(manifest.path("hyperparameters").path("factors").asInt()).isEqualTo(16);
        assertThat(manifest.path("data").path("duplicates_dropped").asLong()).isEqualTo(50);
        assertThat(manifest.path("data").path("events_read").asLong()).isEqualTo(world.events().size() + 50);
        JsonNode artifacts = manifest.path("artifacts");
        assertThat(artifacts.size()).isEqualTo(7);
        for (var e : artifacts.properties()) {
            byte[] bytes = store.get(result.version(), e.getKey()).orElseThrow();
            assertThat(e.getValue().path("bytes").asLong()).as(e.getKey()).isEqualTo(bytes.length);
            assertThat(e.getValue().path("sha256").asText()).as(e.getKey()).isEqualTo(BundleDescription.Digest.of(bytes).sha256());
        }

        JsonNode metrics = Json.newMapper().readTree(store.get(result.version(), "metrics.json").orElseThrow());
        // SyntheticDataset's world is popularity-dominated (see aPlantedTasteWorld... for the ials-beats-popularity check)
        assertThat(metrics.path("ials").path("ndcg@10").isNumber()).isTrue();
        assertThat(metrics.path("popularity").path("ndcg@10").isNumber()).isTrue();
        assertThat(metrics.path("similar_items").path("i2i_ndcg@10").asDouble(-1)).as("similar items scored on the split")
                .isBetween(0.0, 1.0);
        assertThat(metrics.path("similar_items").path("i2i_users").asInt()).isPositive();

        // seen = the pairs whose summed weight is positive (what training keeps)
        Map<String, Map<String, Double>> sums = new HashMap<>();
        for (InteractionEvent e : world.events()) {
            sums.computeIfAbsent(e.userId(), u -> new HashMap<>()).merge(e.itemId(), EventWeights.defaults().weightOf(e), Double::sum);
        }
        Map<String, Set<String>> seen = new HashMap<>();
        sums.forEach((user, perItem) -> perItem.forEach((item, sum) -> {
            if (sum > 0) {
                seen.computeIfAbsent(user, u -> new HashSet<>()).add(item);
            }
        }));
        Map<String, List<Candidate>> users = BundleFiles.readAll(store.get(result.version(), BundleFiles.fileOf(CandidateKind.USER)).orElseThrow());
        assertThat(users).hasSizeGreaterThan(150);
        users.forEach((user, list) -> {
            assertThat(list).hasSizeLessThanOrEqualTo(100).isNotEmpty();
            assertThat(list).extracting(Candidate::source).containsOnly(RefreshJob.USER_SOURCE);
            for (Candidate c : list) {
                assertThat(seen.getOrDefault(user, Set.of())).as(user).doesNotContain(c.itemId());
            }
        });
        Map<String, List<Candidate>> similar = BundleFiles.readAll(store.get(result.version(), BundleFiles.fileOf(CandidateKind.SIMILAR)).orElseThrow());
        similar.forEach((item, list) -> assertThat(list).hasSize(20).extracting(Candidate::itemId).doesNotContain(item));
        Map<String, List<Candidate>> segments = BundleFiles.readAll(store.get(result.version(), BundleFiles.fileOf(CandidateKind.SEGMENT)).orElseThrow());
        assertThat(segments).containsKey(Segment.GLOBAL.key()).containsKey(new Segment("US", "tv").key());

        // a second run in the same second gets its own version
        assertThat(run(new ByteArrayOutputStream()).version()).isEqualTo("20261120T060000Z-2");
    }

    /**
     * SyntheticDataset's users follow popularity x a mild genre taste, where popularity is hard to beat on one held-out
     * item (ials ties it at best). Here 8 taste groups take 90% of their plays from their own group's items, the
     * world where collaborative filtering must win.
     */
    @Test
    void onAPlantedTasteWorldIalsBeatsPopularity() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        List<InteractionEvent> events = new ArrayList<>();
        int groups = 8;
        for (int u = 0; u < 400; u++) {
            for (int n = 0; n < 25; n++) {
                int item = rnd.nextInt(10) < 9
                        ? u % groups + groups * (int) (Math.pow(rnd.nextDouble(), 1.3) * 30)
                        : rnd.nextInt(12);
                events.add(InteractionEvent.of("e" + u + "-" + n, "u" + u, "i" + item,
                        dev.marquee.domain.model.EventType.PLAY, END.minus(Duration.ofMinutes(25L * 400 - (n * 400L + u)))));
            }
        }
        new LocalFolderEventLake(lakeDir, new EventCodec(), CLOCK).append(events);
        RefreshJob.Result result = run(new ByteArrayOutputStream());
        assertThat(result.ials().get("ndcg@10")).isGreaterThan(result.popularity().get("ndcg@10") * 1.5);
    }

    @Test
    void aDeletedUsersEventsAreNotTrainedOn() throws Exception {
        SyntheticDataset world = world();
        new LakeDeletionLog(new LocalFolderLakeFiles(lakeDir)).record("u1", END.plusSeconds(1));
        long u1Events = world.events().stream().filter(e -> e.userId().equals("u1")).count();
        assertThat(u1Events).isPositive();

        RefreshJob.Result result = run(new ByteArrayOutputStream());
        LocalFolderModelStore store = new LocalFolderModelStore(lakeDir);
        Map<String, List<Candidate>> users = BundleFiles.readAll(store.get(result.version(), BundleFiles.fileOf(CandidateKind.USER)).orElseThrow());
        assertThat(users).doesNotContainKey("u1").containsKey("u2");
        JsonNode ids = Json.newMapper().readTree(store.get(result.version(), RefreshJob.FACTOR_IDS).orElseThrow());
        List<String> userIds = new ArrayList<>();
        ids.path("users").forEach(n -> userIds.add(n.asText()));
        assertThat(userIds).doesNotContain("u1").contains("u2");
        JsonNode manifest = Json.newMapper().readTree(store.get(result.version(), "manifest.json").orElseThrow());
        // the 50 redelivered copies are dropped as duplicates first; u1's own events are dropped for the deletion
        assertThat(manifest.path("data").path("deleted_user_events_dropped").asLong()).isEqualTo(u1Events);
    }
}
