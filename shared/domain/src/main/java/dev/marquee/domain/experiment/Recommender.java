package dev.marquee.domain.experiment;

import dev.marquee.domain.funnel.Funnel;
import dev.marquee.domain.funnel.RecommendationRequest;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.tracking.TrackingToken;
import dev.marquee.domain.tracking.TrackingTokens;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The entry point of the read path: assigns the user to a variant, runs that variant's funnel and signs the answer
 * with a tracking token naming variant, model version, request and the items' positions, so the events that follow
 * can be attributed.
 */
public final class Recommender {
    private final VariantAssignment assignment;
    private final Map<String, Funnel> funnels;
    private final TrackingTokens tokens;
    private final Clock clock;
    private final Supplier<String> requestIds;

    public Recommender(VariantAssignment assignment, Map<String, Funnel> funnels, TrackingTokens tokens, Clock clock,
                       Supplier<String> requestIds) {
        for (String v : assignment.variants()) {
            if (!funnels.containsKey(v)) {
                throw new IllegalArgumentException("variant " + v + " has no funnel");
            }
        }
        this.assignment = assignment;
        this.funnels = Map.copyOf(funnels);
        this.tokens = tokens;
        this.clock = clock;
        this.requestIds = requestIds;
    }

    public Recommender(VariantAssignment assignment, Map<String, Funnel> funnels, TrackingTokens tokens, Clock clock) {
        this(assignment, funnels, tokens, clock, () -> UUID.randomUUID().toString());
    }

    public RecommendationList recommend(RecommendationRequest request) {
        String variant = assignment.assign(request.userId());
        RecommendationList list = funnels.get(variant).recommend(request);
        String token = tokens.issue(TrackingToken.of(variant, list.modelVersion(), requestIds.get(), request.userId(),
                clock.instant(), list.items().stream().map(Recommendation::itemId).toList()));
        return new RecommendationList(list.userId(), list.items(), list.modelVersion(), variant, token, list.fallback());
    }

    /** A new token for an answer of this user served again from a cache (see {@link TrackingTokens#reissue}). */
    public Optional<String> reissueToken(String token, String userId) {
        return tokens.reissue(token, userId, requestIds.get());
    }

    public String variantOf(String userId) {
        return assignment.assign(userId);
    }

    public Funnel funnel(String variant) {
        return funnels.get(variant);
    }
}
