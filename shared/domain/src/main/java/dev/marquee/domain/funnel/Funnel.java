package dev.marquee.domain.funnel;

import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.port.UserProfiles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The request path: context, candidates, re-ranking, response. Every store call may fail; a failure degrades
 * the answer and is named in {@link RecommendationList#fallback()}, it never fails the request.
 */
public final class Funnel {
    /** How many candidates each generator may propose, relative to the requested limit. */
    private static final int CANDIDATES_PER_SLOT = 8;

    private final UserProfiles profiles;
    private final FeatureStore features;
    private final ModelRegistry registry;
    private final List<CandidateGenerator> generators;
    private final List<ReRankRule> rules;
    private final FallbackPopularity fallback;
    private final Ranker ranker;

    public Funnel(UserProfiles profiles, FeatureStore features, ModelRegistry registry,
                  List<CandidateGenerator> generators, List<ReRankRule> rules, FallbackPopularity fallback) {
        this(profiles, features, registry, generators, null, rules, fallback);
    }

    /** With a learned ranker between candidate generation and the rules; {@code null} keeps candidate order. */
    public Funnel(UserProfiles profiles, FeatureStore features, ModelRegistry registry,
                  List<CandidateGenerator> generators, Ranker ranker, List<ReRankRule> rules, FallbackPopularity fallback) {
        this.ranker = ranker;
        this.profiles = profiles;
        this.features = features;
        this.registry = registry;
        this.generators = List.copyOf(generators);
        this.rules = List.copyOf(rules);
        this.fallback = fallback;
    }

    public RecommendationList recommend(RecommendationRequest request) {
        Set<String> degraded = new LinkedHashSet<>();
        RecommendationContext context = context(request, degraded);

        List<Recommendation> merged = candidates(context, degraded);
        if (ranker != null && !merged.isEmpty()) {
            List<Recommendation> candidateOrder = merged;
            List<Recommendation> ranked = attempt(() -> ranker.rank(context, candidateOrder), "ranker", degraded);
            merged = ranked != null ? ranked : candidateOrder;
        }
        List<Recommendation> result;
        try {
            for (ReRankRule rule : rules) {
                merged = rule.apply(merged, context);
            }
            result = merged.subList(0, Math.min(request.limit(), merged.size()));
        } catch (StoreUnavailableException e) {
            degraded.add(e.store() + "_unavailable");
            result = List.of();
        }
        if (result.isEmpty()) {
            Set<String> excluded = new HashSet<>(context.seen());
            excluded.addAll(request.exclude());
            result = fallback.recommend(context.country(), excluded, request.limit());
            degraded.add("static_popularity");
        }
        String fallbackName = degraded.isEmpty() ? null : String.join(",", degraded);
        return new RecommendationList(request.userId(), result, context.modelVersion(), "default",
                UUID.randomUUID().toString(), fallbackName);
    }

    private RecommendationContext context(RecommendationRequest request, Set<String> degraded) {
        UserProfile profile = attempt(() -> profiles.get(request.userId()).orElse(null), "profiles", degraded);
        if (profile == null) {
            profile = UserProfile.anonymous(request.userId());
        }
        Set<String> seen = attempt(() -> features.seen(request.userId()), "features", degraded);
        ModelVersion active = attempt(() -> registry.active().orElse(null), "registry", degraded);
        String country = request.country() != null ? request.country() : profile.country();
        String device = request.device() != null ? request.device() : profile.device();
        return new RecommendationContext(request, profile, new Segment(country, device),
                seen == null ? Set.of() : seen, active == null ? null : active.version());
    }

    private List<Recommendation> candidates(RecommendationContext context, Set<String> degraded) {
        int perGenerator = Math.max(50, context.request().limit() * CANDIDATES_PER_SLOT);
        Set<String> taken = new HashSet<>();
        List<Recommendation> merged = new ArrayList<>();
        for (CandidateGenerator generator : generators) {
            List<Recommendation> proposed = attempt(() -> generator.generate(context, perGenerator), generator.name(), degraded);
            if (proposed == null) {
                continue;
            }
            for (Recommendation r : proposed) {
                if (taken.add(r.itemId())) {
                    merged.add(r);
                }
            }
        }
        return merged;
    }

    private static <T> T attempt(Supplier<T> call, String what, Set<String> degraded) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            degraded.add(what + "_unavailable");
            return null;
        }
    }
}
