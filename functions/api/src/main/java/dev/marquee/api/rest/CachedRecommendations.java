package dev.marquee.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.api.ApiConfig;
import dev.marquee.api.serving.ActiveModel;
import dev.marquee.api.serving.ItemFilter;
import dev.marquee.domain.funnel.Funnel;
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
 */
@ApplicationScoped
public class CachedRecommendations {
    private static final Logger LOG = Logger.getLogger(CachedRecommendations.class);
    /** How many more candidates to ask the funnel for when a filter will drop some, and at least how many. */
    private static final int FILTER_OVERFETCH = 5;
    private static final int FILTER_MIN_CANDIDATES = 100;

    /** The JSON body and whether it came from the cache. */
    public record Answer(String body, boolean cacheHit) {
    }

    @Inject
    Funnel funnel;

    @Inject
    ResponseCache cache;

    @Inject
    ActiveModel model;

    @Inject
    ItemCatalog catalog;

    @Inject
    ObjectMapper json;

    @Inject
    ApiConfig config;

    public Answer recommend(RecommendationRequest request, ItemFilter filter) {
        boolean caching = config.responseCache().enabled();
        String key = null;
        if (caching) {
            key = key(request, filter, version());
            try {
                Optional<String> hit = cache.get(request.userId(), key);
                if (hit.isPresent()) {
                    return new Answer(hit.get(), true);
                }
            } catch (StoreUnavailableException e) {
                LOG.debugf("Response cache unavailable on read: %s", e.getMessage());
                caching = false;
            }
        }
        RecommendationList list = filter.isNone() ? funnel.recommend(request) : filtered(request, filter);
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

    /** Every parameter that changes the answer, and the model version that produced it. */
    static String key(RecommendationRequest r, ItemFilter filter, String version) {
        return "v=" + version + "&s=" + r.surface() + "&l=" + r.limit() + "&c=" + r.country() + "&d=" + r.device()
                + "&x=" + String.join(",", new TreeSet<>(r.exclude())) + "&f=" + filter.canonical();
    }

    private String version() {
        try {
            return model.current().versionId();
        } catch (StoreUnavailableException e) {
            return "unknown";
        }
    }

    /**
     * The funnel's answer for a larger limit, cut down to the items matching the filter. A filter is a hard constraint
     * (say, kids' content only): with the catalog down nothing unchecked is served, and the fallback says why.
     */
    private RecommendationList filtered(RecommendationRequest request, ItemFilter filter) {
        RecommendationList wide = funnel.recommend(new RecommendationRequest(request.userId(), request.surface(),
                Math.max(FILTER_MIN_CANDIDATES, request.limit() * FILTER_OVERFETCH), request.country(), request.device(), request.exclude()));
        List<Recommendation> kept;
        String fallback = wide.fallback();
        try {
            Map<String, Item> items = catalog.getAll(wide.items().stream().map(Recommendation::itemId).toList());
            kept = wide.items().stream()
                    .filter(r -> items.containsKey(r.itemId()) && filter.matches(items.get(r.itemId())))
                    .limit(request.limit())
                    .toList();
        } catch (StoreUnavailableException e) {
            kept = List.of();
            fallback = fallback == null ? "catalog_unavailable" : fallback + ",catalog_unavailable";
        }
        return new RecommendationList(wide.userId(), kept, wide.modelVersion(), wide.variant(), wide.trackingToken(), fallback);
    }

    private String write(RecommendationsResponse response) {
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a recommendations response", e);
        }
    }
}
