package dev.marquee.refresh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.features.TrendingDecay;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.popularity.SegmentPopularity;
import dev.marquee.domain.popularity.TrendingSnapshot;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.training.ContentVectors;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.Factors;
import dev.marquee.domain.training.HeldOut;
import dev.marquee.domain.training.ImplicitAls;
import dev.marquee.domain.training.ItemToItemMetrics;
import dev.marquee.domain.training.InteractionMatrix;
import dev.marquee.domain.training.Kernels;
import dev.marquee.domain.training.RankingMetrics;
import dev.marquee.domain.training.Ranked;
import dev.marquee.domain.training.Scorer;
import dev.marquee.domain.training.SimilarItems;
import dev.marquee.domain.training.BlendedSimilarItems;
import dev.marquee.domain.training.UserRecency;
import dev.marquee.domain.training.WindowedCooccurrenceSimilarItems;
import dev.marquee.domain.training.TrainingData;
import dev.marquee.domain.training.UserCandidates;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Item;
import dev.marquee.refresh.ranker.RankerParams;
import dev.marquee.refresh.ranker.RankerStage;
import dev.marquee.adapters.bundle.FeatureSchemaJson;

import java.util.ArrayList;
import java.util.function.UnaryOperator;
import java.util.Optional;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lake to model bundle: reads [from, to) through {@link TrainingData}, trains implicit ALS on a leave-last-out split
 * and scores it against popularity, trains again on everything, and writes {@code models/<version>/} through the
 * {@link ModelStore}: the three candidate-list files ({@link BundleFiles}), {@code factors.bin} with
 * {@code factor_ids.json}, {@code metrics.json}, and last {@code manifest.json} (a bundle with a manifest is
 * complete; the manifest carries the sha256 and size of every other artifact).
 */
public final class RefreshJob {
    public static final String FACTORS = "factors.bin";
    public static final String FACTOR_IDS = "factor_ids.json";
    public static final String USER_SOURCE = "ials";
    public static final String SIMILAR_SOURCE = "similar_items";
    public static final String TRENDING = "trending.jsonl.gz";
    public static final String CONTENT_SIMILAR = "content_similar.jsonl.gz";
    public static final String CONTENT_VECTORS = "content_vectors.jsonl.gz";
    /** The last line of content_vectors.jsonl.gz: the idf of every feature, to vectorise a new item the same way. */
    public static final String IDF_LINE = "_idf";
    static final String FACTORS_FORMAT = "MQF1: big-endian; bytes 'MQF1', int32 k, int32 users, int32 items, then float32 "
            + "user rows (users x k, row-major), then float32 item rows (items x k); row r is the r-th id of factor_ids.json "
            + "{\"users\":[...],\"items\":[...]}; score = dot(user row, item row)";
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * What to train on and how. {@code halfLife} null: no time decay. {@code trendingHalfLife}: of the trending
     * snapshot at {@code to}. {@code version} null: the UTC time of the run. {@code recencyHalfLife}: per-user recency
     * weighting of the inputs in interactions ({@link UserRecency}; 0: off). {@code similarFactorShare}: the factor
     * neighbours' weight in the similar-item lists, the rest going to co-occurrence (1: factors only).
     */
    public record Options(Instant from, Instant to, AlsParams params, int candidates, int similar, int popularity,
                          Duration halfLife, EventWeights weights, Duration trendingHalfLife, String version,
                          double recencyHalfLife, double similarFactorShare) {
        public static final Duration DEFAULT_TRENDING_HALF_LIFE = Duration.ofHours(24);

        public Options(Instant from, Instant to, AlsParams params, int candidates, int similar, int popularity,
                       Duration halfLife, EventWeights weights) {
            this(from, to, params, candidates, similar, popularity, halfLife, weights, DEFAULT_TRENDING_HALF_LIFE, null,
                    UserRecency.DEFAULT_HALF_LIFE, SimilarItems.DEFAULT_FACTOR_SHARE);
        }

        public Options {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--from must be before --to");
            }
            if (candidates < 1 || similar < 1 || popularity < 1) {
                throw new IllegalArgumentException("list sizes must be positive");
            }
            if (trendingHalfLife == null || trendingHalfLife.isZero() || trendingHalfLife.isNegative()) {
                throw new IllegalArgumentException("the trending half-life must be positive");
            }
            if (!(recencyHalfLife >= 0)) {
                throw new IllegalArgumentException("the recency half-life must be >= 0");
            }
            if (!(similarFactorShare >= 0 && similarFactorShare <= 1)) {
                throw new IllegalArgumentException("the similar-items factor share must be in [0, 1]");
            }
        }

        public static Options defaults(Instant from, Instant to) {
            return new Options(from, to, AlsParams.defaults(), 500, 50, 500, null, EventWeights.defaults());
        }

        public Options withParams(AlsParams p) {
            return new Options(from, to, p, candidates, similar, popularity, halfLife, weights, trendingHalfLife, version,
                    recencyHalfLife, similarFactorShare);
        }

        public Options withTrendingHalfLife(Duration d) {
            return new Options(from, to, params, candidates, similar, popularity, halfLife, weights, d, version,
                    recencyHalfLife, similarFactorShare);
        }

        public Options withVersion(String v) {
            return new Options(from, to, params, candidates, similar, popularity, halfLife, weights, trendingHalfLife, v,
                    recencyHalfLife, similarFactorShare);
        }

        public Options withRecencyHalfLife(double h) {
            return new Options(from, to, params, candidates, similar, popularity, halfLife, weights, trendingHalfLife, version,
                    h, similarFactorShare);
        }

        public Options withSimilarFactorShare(double share) {
            return new Options(from, to, params, candidates, similar, popularity, halfLife, weights, trendingHalfLife, version,
                    recencyHalfLife, share);
        }

        /** The inputs' re-weighting: per-user recency, or none. */
        UnaryOperator<List<HeldOut.Interaction>> inputs() {
            return recencyHalfLife > 0 ? new UserRecency(recencyHalfLife)::apply : UnaryOperator.identity();
        }
    }

    /** The lake holds nothing to train on in the range. */
    public static final class NoDataException extends RuntimeException {
        NoDataException(String message) {
            super(message);
        }
    }

    public record Result(String version, Map<String, Double> ials, Map<String, Double> popularity, int users, int items,
                         long trainingPairs, Map<String, Long> artifactBytes, double seconds) {
    }

    private final EventLake lake;
    private final DeletionLog deletions;
    private final ModelStore store;
    private final LakeFiles catalogFiles;
    private final Clock clock;
    private final PrintStream out;
    private final ObjectMapper json = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final RankerParams ranker;
    private final Map<String, Item> catalog;

    public RefreshJob(EventLake lake, DeletionLog deletions, ModelStore store, Clock clock, PrintStream out) {
        this(lake, deletions, store, null, clock, out, null, Map.of());
    }

    /** @param catalogFiles where {@code catalog/*.jsonl[.gz]} lives (for content vectors); null: no catalog */
    public RefreshJob(EventLake lake, DeletionLog deletions, ModelStore store, LakeFiles catalogFiles, Clock clock, PrintStream out) {
        this(lake, deletions, store, catalogFiles, clock, out, null, Map.of());
    }

    /** With the ranker step ({@code ranker} null skips it); the catalog for content vectors and item features from the lake. */
    public RefreshJob(EventLake lake, DeletionLog deletions, ModelStore store, LakeFiles catalogFiles, Clock clock, PrintStream out,
                      RankerParams ranker) {
        this(lake, deletions, store, catalogFiles, clock, out, ranker, Map.of());
    }

    /** With the ranker step and a catalog given in memory (tests, benches): {@code catalog} may be empty. */
    public RefreshJob(EventLake lake, DeletionLog deletions, ModelStore store, Clock clock, PrintStream out,
                      RankerParams ranker, Map<String, Item> catalog) {
        this(lake, deletions, store, null, clock, out, ranker, catalog);
    }

    private RefreshJob(EventLake lake, DeletionLog deletions, ModelStore store, LakeFiles catalogFiles, Clock clock,
                       PrintStream out, RankerParams ranker, Map<String, Item> catalog) {
        this.lake = lake;
        this.deletions = deletions;
        this.store = store;
        this.catalogFiles = catalogFiles;
        this.clock = clock;
        this.out = out;
        this.ranker = ranker;
        this.catalog = catalog;
    }

    public Result run(Options o) {
        long t0 = System.nanoTime();
        Instant createdAt = clock.instant();
        SegmentPopularity popularity = new SegmentPopularity(o.weights());
        TrendingSnapshot trending = new TrendingSnapshot(o.weights(), new TrendingDecay(o.trendingHalfLife()), o.to());
        out.printf(Locale.ROOT, "reading the lake from %s to %s%n", o.from(), o.to());
        List<InteractionEvent> kept = new ArrayList<>();
        TrainingData data = TrainingData.read(lake, deletions, o.from(), o.to(), o.weights(), o.halfLife(), e -> {
            popularity.add(e);
            trending.add(e);
            if (ranker != null) {
                kept.add(e);
            }
        });
        InteractionMatrix all = data.matrix(o.inputs());
        out.printf(Locale.ROOT, "  %,d events read, %,d duplicates dropped, %,d events of deleted users dropped, %,d zero-weight; "
                        + "%,d users, %,d items, %,d training pairs (%.1fs)%n",
                data.eventsRead(), data.duplicatesDropped(), data.deletedUserEventsDropped(), data.zeroWeightDropped(),
                data.users(), data.items(), all.nonZeros(), seconds(t0));
        if (all.nonZeros() == 0) {
            throw new NoDataException("no positive interactions between " + o.from() + " and " + o.to()
                    + " (" + data.eventsRead() + " events read)");
        }

        HeldOut split = HeldOut.leaveLastOut(data.users(), data.items(), data.interactions(), o.inputs());
        AlsParams hp0 = o.params();
        out.printf(Locale.ROOT, "implicit ALS: factors %d, iterations %d, regularization %s (%s), alpha %s, cg steps %d, seed %d, "
                        + "%d threads, %s kernels%n", hp0.factors(), hp0.iterations(), hp0.regularization(),
                hp0.weightedRegularization() ? "weighted" : "plain", hp0.alpha(),
                hp0.cgSteps(), hp0.seed(), hp0.threads(), Kernels.best().name());
        out.printf(Locale.ROOT, "inputs: per-user recency half-life %s; similar items: factors %.0f%%, windowed co-occurrence %.0f%%%n",
                o.recencyHalfLife() > 0 ? o.recencyHalfLife() + " interactions" : "off", 100 * o.similarFactorShare(),
                100 * (1 - o.similarFactorShare()));
        out.println("evaluating on a leave-last-out split (each user's latest item held out)");
        long tEval = System.nanoTime();
        Factors evalFactors = ImplicitAls.train(split.train(), o.params(), progress("eval"));
        Map<String, Double> ialsMetrics = RankingMetrics.evaluate(split, Scorer.of(evalFactors), 7);
        Map<String, Double> popMetrics = RankingMetrics.evaluate(split, Scorer.popularity(split.train()), 7);
        out.printf(Locale.ROOT, "  ials       ndcg@10 %.4f  recall@20 %.4f  hr@10_sampled %.4f  coverage@10 %.4f%n",
                ialsMetrics.get("ndcg@10"), ialsMetrics.get("recall@20"), ialsMetrics.get("hr@10_sampled"), ialsMetrics.get("coverage@10"));
        out.printf(Locale.ROOT, "  popularity ndcg@10 %.4f  recall@20 %.4f  hr@10_sampled %.4f  coverage@10 %.4f%n",
                popMetrics.get("ndcg@10"), popMetrics.get("recall@20"), popMetrics.get("hr@10_sampled"), popMetrics.get("coverage@10"));
        // similar items as they will be built, on the split: the held-out item in the list of the user's last training item
        Map<String, Double> similarMetrics = ItemToItemMetrics.evaluate(
                similarItems(evalFactors, data.items(), HeldOut.withoutHeldOut(data.interactions(), split.testItem()), o),
                HeldOut.lastTrainedItems(data.users(), data.interactions(), split.testItem()), split.testItem());
        out.printf(Locale.ROOT, "  similar    i2i ndcg@10 %.4f  i2i hr@10 %.4f  (the held-out item in the list of the user's last item)%n",
                similarMetrics.get("i2i_ndcg@10"), similarMetrics.get("i2i_hr@10"));

        double evalSeconds = seconds(tEval);
        out.println("training on all data");
        long tFull = System.nanoTime();
        Factors factors = ImplicitAls.train(all, o.params(), progress("full"));
        double fullSeconds = seconds(tFull);
        long tLists = System.nanoTime();
        Ranked[] userTop = UserCandidates.compute(factors, all, o.candidates());
        Ranked[] similarTop = similarItems(factors, data.items(), data.interactions(), o);
        out.printf(Locale.ROOT, "  candidates and similar items in %.1fs%n", seconds(tLists));

        Map<String, List<Candidate>> users = lists(userTop, data.userIds(), data.itemIds(), USER_SOURCE);
        Map<String, List<Candidate>> similar = lists(similarTop, data.itemIds(), data.itemIds(), SIMILAR_SOURCE);
        Map<String, List<Candidate>> segments = new TreeMap<>(popularity.topLists(o.popularity()));
        Map<String, List<Candidate>> trendingLists = new TreeMap<>(trending.topLists(o.popularity()));
        CatalogFiles.Catalog lakeCatalog = catalogFiles == null ? null : CatalogFiles.read(catalogFiles);
        Content content = content(o.similar(), similar, lakeCatalog);

        Map<String, byte[]> artifacts = new LinkedHashMap<>();
        artifacts.put(BundleFiles.fileOf(CandidateKind.USER), BundleFiles.write(users));
        artifacts.put(BundleFiles.fileOf(CandidateKind.SIMILAR), BundleFiles.write(similar));
        artifacts.put(BundleFiles.fileOf(CandidateKind.SEGMENT), BundleFiles.write(segments));
        artifacts.put(TRENDING, BundleFiles.write(trendingLists));
        if (content != null) {
            artifacts.put(CONTENT_SIMILAR, BundleFiles.write(content.similar()));
            artifacts.put(CONTENT_VECTORS, contentVectorBytes(content.vectors()));
        }
        artifacts.put(FACTORS, factorBytes(factors));
        artifacts.put(FACTOR_IDS, writeJson(Map.of("users", data.userIds(), "items", data.itemIds())));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("ials", ialsMetrics);
        metrics.put("popularity", popMetrics);
        metrics.put("similar_items", similarMetrics);
        Optional<RankerStage.Result> rankerResult = ranker == null ? Optional.empty()
                : RankerStage.train(kept, catalog.isEmpty() && lakeCatalog != null ? lakeCatalog.byId() : catalog,
                o.weights(), o.params(), o.inputs(), ranker, 0.15, out);
        rankerResult.ifPresent(r -> {
            artifacts.put(RankerStage.ONNX_FILE, r.onnx());
            artifacts.put(FeatureSchemaJson.FILE, r.schemaJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var tables = RankerStage.servingTables(kept, o.weights(), o.to());
            Map<String, Object> signals = new LinkedHashMap<>();
            signals.put("as_of", o.to().toString());
            signals.put("trend_half_life", RankerStage.TREND_HALF_LIFE.toString());
            signals.put("popularity", tables.popularityTable());
            signals.put("trend", tables.trendTable());
            artifacts.put(RankerStage.SIGNALS_FILE, writeJson(signals));
            metrics.put("ranker", r.metrics());
        });
        artifacts.put(BundleFiles.METRICS, writeJson(metrics));

        String version = o.version() == null ? newVersion(createdAt) : givenVersion(o.version());
        ObjectNode manifest = json.createObjectNode();
        manifest.put("version", version);
        manifest.put("created_at", createdAt.toString());
        ObjectNode hp = manifest.putObject("hyperparameters");
        hp.put("factors", o.params().factors());
        hp.put("iterations", o.params().iterations());
        hp.put("alpha", o.params().alpha());
        hp.put("regularization", o.params().regularization());
        hp.put("weighted_regularization", o.params().weightedRegularization());
        hp.put("cg_steps", o.params().cgSteps());
        hp.put("seed", o.params().seed());
        hp.put("candidates", o.candidates());
        hp.put("similar", o.similar());
        hp.put("popularity", o.popularity());
        hp.put("trending_half_life", o.trendingHalfLife().toString());
        hp.put("recency_half_life", o.recencyHalfLife());
        hp.put("similar_factor_share", o.similarFactorShare());
        if (o.halfLife() == null) {
            hp.putNull("half_life");
        } else {
            hp.put("half_life", o.halfLife().toString());
        }
        ObjectNode range = manifest.putObject("data");
        range.put("from", o.from().toString());
        range.put("to", o.to().toString());
        range.put("events_read", data.eventsRead());
        range.put("duplicates_dropped", data.duplicatesDropped());
        range.put("deleted_user_events_dropped", data.deletedUserEventsDropped());
        range.put("zero_weight_events", data.zeroWeightDropped());
        range.put("users", data.users());
        range.put("items", data.items());
        range.put("training_pairs", all.nonZeros());
        range.put("catalog_items", content == null ? 0 : content.vectors().vectors().size());
        range.put("test_users", ialsMetrics.get("test_users").longValue());
        ObjectNode f = manifest.putObject("factors");
        f.put("file", FACTORS);
        f.put("ids", FACTOR_IDS);
        f.put("format", FACTORS_FORMAT);
        rankerResult.ifPresent(r -> {
            ObjectNode rk = manifest.putObject("ranker");
            rk.put("file", RankerStage.ONNX_FILE);
            rk.put("feature_schema", FeatureSchemaJson.FILE);
            rk.put("feature_schema_version", String.valueOf(r.metrics().get("feature_schema")));
            rk.put("signals", RankerStage.SIGNALS_FILE);
            rk.put("trees", ranker.trees());
            rk.put("max_depth", ranker.depth());
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.convertValue(manifest, LinkedHashMap.class);
        Map<String, Long> sizes = BundleManifest.write(store, version, fields, artifacts);

        double total = seconds(t0);
        out.printf(Locale.ROOT, "wrote models/%s/ (%d artifacts, %,d bytes): %,d user lists, %,d similar-item lists, "
                        + "%,d segments, %,d trending lists, %,d content neighbour lists%n",
                version, sizes.size(), sizes.values().stream().mapToLong(Long::longValue).sum(),
                users.size(), similar.size(), segments.size(), trendingLists.size(), content == null ? 0 : content.similar().size());
        out.printf(Locale.ROOT, "done in %.1fs (evaluation fit %.1fs, full fit %.1fs): ials ndcg@10 %.4f vs popularity %.4f "
                        + "(%.2fx) on %,d test users; %,d users, %,d items, %,d pairs%n",
                total, evalSeconds, fullSeconds, ialsMetrics.get("ndcg@10"), popMetrics.get("ndcg@10"),
                ialsMetrics.get("ndcg@10") / Math.max(1e-12, popMetrics.get("ndcg@10")), ialsMetrics.get("test_users").longValue(),
                data.users(), data.items(), all.nonZeros());
        return new Result(version, ialsMetrics, popMetrics, data.users(), data.items(), all.nonZeros(), sizes, total);
    }

    /** Factor neighbours, blended with windowed co-occurrence unless the factors' share is all. */
    private static Ranked[] similarItems(Factors factors, int items, List<HeldOut.Interaction> interactions, Options o) {
        Ranked[] byFactors = SimilarItems.compute(factors, o.similar());
        if (o.similarFactorShare() >= 1) {
            return byFactors;
        }
        Ranked[] byCooc = new WindowedCooccurrenceSimilarItems(WindowedCooccurrenceSimilarItems.DEFAULT_WINDOW,
                WindowedCooccurrenceSimilarItems.DEFAULT_SHRINK).compute(items, interactions, o.similar());
        return new BlendedSimilarItems(o.similarFactorShare()).blend(byFactors, byCooc, o.similar());
    }

    private record Content(ContentVectors vectors, Map<String, List<Candidate>> similar) {
    }

    /**
     * Content vectors and neighbours of every catalog item; a catalog item without factor neighbours (nobody played it
     * in the range) gets its content neighbours as its similar list, so a new item is never a dead end. Null: no catalog.
     */
    private Content content(int topN, Map<String, List<Candidate>> similar, CatalogFiles.Catalog catalog) {
        if (catalog == null) {
            return null;
        }
        long t0 = System.nanoTime();
        if (catalog.items().isEmpty()) {
            out.println("  no catalog under catalog/: no content vectors");
            return null;
        }
        ContentVectors vectors = ContentVectors.fit(catalog.items());
        Ranked[] top = vectors.neighbours(topN);
        List<String> ids = catalog.items().stream().map(Item::itemId).toList();
        Map<String, List<Candidate>> contentSimilar = lists(top, ids, ids, ContentVectors.SOURCE);
        int filled = 0;
        for (Map.Entry<String, List<Candidate>> e : contentSimilar.entrySet()) {
            if (!similar.containsKey(e.getKey())) {
                similar.put(e.getKey(), e.getValue());
                filled++;
            }
        }
        out.printf(Locale.ROOT, "  content vectors of %,d catalog items (%,d features, %,d invalid lines skipped); "
                        + "%,d items without plays got content neighbours (%.1fs)%n", ids.size(), vectors.idf().size(),
                catalog.invalidLines(), filled, seconds(t0));
        return new Content(vectors, contentSimilar);
    }

    /** One JSON line per item: {"item_id":…,"features":{"genre:drama":0.41,…}} (unit length), then gzip. */
    private byte[] contentVectorBytes(ContentVectors cv) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            ObjectMapper plain = Json.newMapper();
            for (ContentVectors.Vector v : cv.vectors()) {
                ObjectNode line = plain.createObjectNode();
                line.put("item_id", v.itemId());
                ObjectNode f = line.putObject("features");
                for (int j = 0; j < v.features().length; j++) {
                    f.put(v.features()[j], v.weights()[j]);
                }
                gz.write(plain.writeValueAsBytes(line));
                gz.write('\n');
            }
            ObjectNode idf = plain.createObjectNode();
            idf.put("item_id", IDF_LINE);
            ObjectNode f = idf.putObject("features");
            cv.idf().forEach(f::put);
            gz.write(plain.writeValueAsBytes(idf));
            gz.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private ImplicitAls.Progress progress(String phase) {
        return (done, total, loss, secs) -> out.printf(Locale.ROOT,
                "  [%s] iteration %2d/%d  loss %.4f  %.1fs elapsed, ETA %.1fs%n", phase, done, total, loss, secs,
                secs / done * (total - done));
    }

    private static Map<String, List<Candidate>> lists(Ranked[] ranked, List<String> keys, List<String> itemIds, String source) {
        Map<String, List<Candidate>> out = new LinkedHashMap<>();
        for (int r = 0; r < ranked.length; r++) {
            Ranked row = ranked[r];
            if (row.size() == 0) {
                continue;
            }
            Candidate[] cs = new Candidate[row.size()];
            for (int n = 0; n < row.size(); n++) {
                cs[n] = new Candidate(itemIds.get(row.items()[n]), row.scores()[n], source);
            }
            out.put(keys.get(r), List.of(cs));
        }
        return out;
    }

    /** A version the caller chose (the retrain Lambda, to know where the bundle lands): never overwrite one. */
    private String givenVersion(String v) {
        if (!store.artifacts(v).isEmpty()) {
            throw new IllegalArgumentException("model version " + v + " already exists; choose another");
        }
        return v;
    }

    /** A UTC timestamp, with -2, -3... when a bundle of that second already exists. */
    private String newVersion(Instant at) {
        String base = VERSION.format(at);
        List<String> taken = store.versions();
        String v = base;
        for (int n = 2; taken.contains(v); n++) {
            v = base + "-" + n;
        }
        return v;
    }

    static byte[] factorBytes(Factors f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 4 * (f.users().length + f.items().length));
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeBytes("MQF1");
            d.writeInt(f.k());
            d.writeInt(f.userCount());
            d.writeInt(f.itemCount());
            for (float v : f.users()) {
                d.writeFloat(v);
            }
            for (float v : f.items()) {
                d.writeFloat(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private byte[] writeJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
