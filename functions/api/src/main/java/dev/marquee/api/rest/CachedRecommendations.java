package dev.marquee.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.api.ApiConfig;
import dev.marquee.api.serving.ActiveModel;
import dev.marquee.api.serving.ServingMetrics;
import dev.marquee.domain.experiment.Recommender;
import dev.marquee.domain.funnel.RecommendationRequest;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The read path of /v1/recommendations: a user's answer is cached briefly in the response cache under a key made of
 * every request parameter and the active model version (a version switch misses at once; a new event of the user drops
 * all their entries, see IngestPipeline). Degraded answers are never cached. A cache outage only costs the cache.
 * A cached answer is served with a freshly issued tracking token, never the stored one.
 */
@ApplicationScoped
public class CachedRecommendations {
    private static final Logger LOG = Logger.getLogger(CachedRecommendations.class);

    /** The JSON body and whether it came from the cache. */
    public record Answer(String body, boolean cacheHit) {
    }

    @Inject
    Recommender recommender;

    @Inject
    ResponseCache cache;

    @Inject
    ServingMetrics metrics;

    @Inject
    ActiveModel model;

    @Inject
    ItemCatalog catalog;

    @Inject
    ObjectMapper json;

    @Inject
    ApiConfig config;

    public Answer recommend(RecommendationRequest request) {
        boolean caching = config.responseCache().enabled();
        String key = null;
        if (caching) {
            key = key(request, version());
            try {
                Optional<String> hit = cache.get(request.userId(), key).flatMap(body -> withFreshToken(body, request.userId()));
                if (hit.isPresent()) {
                    return new Answer(hit.get(), true);
                }
            } catch (StoreUnavailableException e) {
                LOG.debugf("Response cache unavailable on read: %s", e.getMessage());
                caching = false;
            }
        }
        RecommendationList list = recommender.recommend(request);
        metrics.served("recommendations", list.fallback(), list.variant());
        String body = write(RecommendationsResponse.of(list));
        if (caching && list.fallback() == null) {
            try {
                cache.put(request.userId(), key, body, config.responseCache().ttl());
            } catch (StoreUnavailableException e) {
                LOG.debugf("Response cache unavailable on write: %s", e.getMessage());
            }
        }
        return new Answer(body, false);
    }

    /**
     * The cached body with a token of its own: same variant, model version and item order, a new request id, issued
     * now. The cached token would make every repeat the same impression (same request id), so per-request attribution
     * and impression counts would be wrong. The repeat is counted as served, like any answer. Empty (compute anew)
     * when the entry is unreadable or its token no longer verifies (e.g. the secret was rotated).
     */
    private Optional<String> withFreshToken(String body, String userId) {
        try {
            if (!(json.readTree(body) instanceof ObjectNode answer) || !answer.path("tracking_token").isTextual()) {
                return Optional.empty();
            }
            Optional<String> token = recommender.reissueToken(answer.get("tracking_token").textValue(), userId);
            if (token.isEmpty()) {
                return Optional.empty();
            }
            answer.put("tracking_token", token.get());
            metrics.served("recommendations", null, answer.path("variant").textValue());
            return Optional.of(json.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            LOG.debugf("Unreadable response cache entry, computing anew: %s", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** Every parameter that changes the answer, and the model version that produced it. */
    static String key(RecommendationRequest r, String version) {
        return "v=" + version + "&s=" + r.surface() + "&l=" + r.limit() + "&c=" + r.country() + "&d=" + r.device()
                + "&x=" + String.join(",", new TreeSet<>(r.exclude())) + "&f=" + r.filter();
    }

    private String version() {
        try {
            return model.current().versionId();
        } catch (StoreUnavailableException e) {
            return "unknown";
        }
    }

    private String write(RecommendationsResponse response) {
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a recommendations response", e);
        }
    }
}
