package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.UserProfiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The request path of one variant: 1 context (profile, seen set, recent interactions, active version, read
 * concurrently), 2 candidates (the generators concurrently, merged), 3 ranking, 4 re-ranking rules, 5 the answer.
 * Each stage has a budget ({@link FunnelSettings.Budgets}); a store that fails or is slow degrades the answer and is
 * named in {@link RecommendationList#fallback()}, it never fails the request. When nothing is left, or a degraded
 * answer comes up short of the limit, the in-memory {@link FallbackPopularity} fills it.
 */
public final class Funnel {
    static final int RECENT_READ = 50;

    private final UserProfiles profiles;
    private final FeatureStore features;
    private final ModelRegistry registry;
    private final ItemCatalog catalog;
    private final List<CandidateGenerator> generators;
    private final List<ReRankRule> rules;
    private final FallbackPopularity fallback;
    private final Ranker ranker;
    private final FunnelSettings settings;
    private final ExecutorService executor;
    private final Clock clock;

    /**
     * @param catalog  where the rules' item entries come from (availability, filters, genres, release dates)
     * @param ranker   stage 3; {@code null} keeps the candidate order (a variant with the ranker off)
     * @param executor runs each stage's calls concurrently under its budget; {@code null} runs them in turn, no budget
     */
    public Funnel(UserProfiles profiles, FeatureStore features, ModelRegistry registry, ItemCatalog catalog,
                  List<CandidateGenerator> generators, Ranker ranker, List<ReRankRule> rules, FallbackPopularity fallback,
                  FunnelSettings settings, ExecutorService executor, Clock clock) {
        this.profiles = profiles;
        this.features = features;
        this.registry = registry;
        this.catalog = catalog;
        this.generators = List.copyOf(generators);
        this.ranker = ranker;
        this.rules = List.copyOf(rules);
        this.fallback = fallback;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
    }

    /** Without a catalog for the rules (they see no entries), executor or budgets: the funnel before variants. */
    public Funnel(UserProfiles profiles, FeatureStore features, ModelRegistry registry, List<CandidateGenerator> generators,
                  Ranker ranker, List<ReRankRule> rules, FallbackPopularity fallback) {
        this(profiles, features, registry, null, generators, ranker, rules, fallback, FunnelSettings.DEFAULT, null, Clock.systemUTC());
    }

    public Funnel(UserProfiles profiles, FeatureStore features, ModelRegistry registry, List<CandidateGenerator> generators,
                  List<ReRankRule> rules, FallbackPopularity fallback) {
        this(profiles, features, registry, generators, null, rules, fallback);
    }

    public String variant() {
        return settings.variant();
    }

    public List<String> generatorNames() {
        return generators.stream().map(CandidateGenerator::name).toList();
    }

    public List<String> ruleNames() {
        return rules.stream().map(ReRankRule::name).toList();
    }

    public boolean hasRanker() {
        return ranker != null;
    }

    public RecommendationList recommend(RecommendationRequest request) {
        Set<String> degraded = new LinkedHashSet<>();
        RecommendationContext context = context(request, degraded);
        List<Recommendation> candidates = candidates(context, degraded);
        List<Recommendation> ranked = rank(context, candidates, degraded);
        List<Recommendation> result = reRank(context, ranked, degraded);
        if (result.isEmpty() || (!degraded.isEmpty() && result.size() < request.limit())) {
            // nothing left, or something degraded and the answer came up short: the in-memory list fills the rest
            Set<String> excluded = new HashSet<>(context.seen());
            excluded.addAll(request.exclude());
            result.forEach(r -> excluded.add(r.itemId()));
            List<Recommendation> fill = fallback.recommend(context.country(), excluded, request.filter(), request.limit() - result.size());
            if (result.isEmpty() || !fill.isEmpty()) {
                degraded.add("static_popularity");
            }
            if (!fill.isEmpty()) {
                List<Recommendation> topped = new ArrayList<>(result);
                topped.addAll(fill);
                result = List.copyOf(topped);
            }
        }
        String fallbackName = degraded.isEmpty() ? null : String.join(",", degraded);
        return new RecommendationList(request.userId(), result, context.modelVersion(), settings.variant(), null, fallbackName);
    }

    private RecommendationContext context(RecommendationRequest request, Set<String> degraded) {
        String user = request.userId();
        List<ParallelStage.Outcome<Object>> reads = ParallelStage.run(executor, List.of(
                new ParallelStage.Call<>("profiles", () -> profiles.get(user)),
                new ParallelStage.Call<>("features", () -> features.seen(user)),
                new ParallelStage.Call<>("features", () -> features.recent(user, RECENT_READ)),
                new ParallelStage.Call<>("registry", registry::active)), settings.budgets().context());
        reads.stream().filter(o -> !o.ok()).forEach(o -> degraded.add(o.failure()));
        @SuppressWarnings("unchecked")
        UserProfile profile = ((Optional<UserProfile>) valueOr(reads.get(0), Optional.empty())).orElse(UserProfile.anonymous(user));
        @SuppressWarnings("unchecked")
        Set<String> seen = (Set<String>) valueOr(reads.get(1), Set.of());
        @SuppressWarnings("unchecked")
        List<RecentInteraction> recent = (List<RecentInteraction>) valueOr(reads.get(2), List.of());
        @SuppressWarnings("unchecked")
        ModelVersion active = ((Optional<ModelVersion>) valueOr(reads.get(3), Optional.empty())).orElse(null);
        String country = request.country() != null ? request.country() : profile.country();
        String device = request.device() != null ? request.device() : profile.device();
        return new RecommendationContext(request, profile, new Segment(country, device), seen,
                active == null ? null : active.version(), recent, clock.instant());
    }

    private static Object valueOr(ParallelStage.Outcome<Object> o, Object otherwise) {
        return o.ok() && o.value() != null ? o.value() : otherwise;
    }

    private List<Recommendation> candidates(RecommendationContext context, Set<String> degraded) {
        int perGenerator = settings.perGenerator();
        List<ParallelStage.Call<List<Recommendation>>> calls = new ArrayList<>(generators.size());
        for (CandidateGenerator g : generators) {
            calls.add(new ParallelStage.Call<>(g.name(), () -> g.generate(context, perGenerator)));
        }
        List<List<Recommendation>> lists = new ArrayList<>(generators.size());
        for (ParallelStage.Outcome<List<Recommendation>> o : ParallelStage.run(executor, calls, settings.budgets().generators())) {
            if (o.ok()) {
                lists.add(o.value());
            } else {
                degraded.add(o.failure());
            }
        }
        return CandidateMerger.merge(lists, settings.maxCandidates());
    }

    private List<Recommendation> rank(RecommendationContext context, List<Recommendation> candidates, Set<String> degraded) {
        if (ranker == null || candidates.isEmpty()) {
            return candidates;
        }
        ParallelStage.Outcome<List<Recommendation>> o = ParallelStage.one(executor,
                new ParallelStage.Call<>("ranker", () -> ranker.rank(context, candidates)), settings.budgets().ranker());
        if (!o.ok()) {
            degraded.add(o.failure());
            return candidates;
        }
        return o.value();
    }

    private List<Recommendation> reRank(RecommendationContext context, List<Recommendation> ranked, Set<String> degraded) {
        if (ranked.isEmpty()) {
            return ranked;
        }
        if (catalog == null) {
            return applyRules(context, ranked, Map.of(), degraded);
        }
        List<String> ids = ranked.stream().map(Recommendation::itemId).toList();
        ParallelStage.Outcome<Map<String, Item>> items = ParallelStage.one(executor,
                new ParallelStage.Call<>("catalog", () -> catalog.getAll(ids)), settings.budgets().catalog());
        if (!items.ok()) {
            // availability cannot be checked: never serve unchecked items
            degraded.add(items.failure());
            return List.of();
        }
        return applyRules(context, ranked, items.value(), degraded);
    }

    private List<Recommendation> applyRules(RecommendationContext context, List<Recommendation> ranked, Map<String, Item> items,
                                            Set<String> degraded) {
        List<Recommendation> list = ranked;
        try {
            for (ReRankRule rule : rules) {
                list = rule.apply(list, context, items);
            }
        } catch (dev.marquee.domain.port.StoreUnavailableException e) {
            // a rule that reads a store itself (availability with its own catalog)
            degraded.add(e.store() + "_unavailable");
            return List.of();
        }
        return List.copyOf(list.subList(0, Math.min(context.request().limit(), list.size())));
    }
}
