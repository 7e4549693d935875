package dev.marquee.api;

import dev.marquee.api.serving.ActiveModel;
import dev.marquee.api.serving.Popular;
import dev.marquee.api.serving.PopularCatalog;
import dev.marquee.api.serving.SegmentPopularity;
import dev.marquee.api.serving.SimilarItems;
import dev.marquee.api.serving.Trending;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The list endpoints' services (similar, trending, popular), built from the ports. */
@ApplicationScoped
public class ServingProducer {

    @Produces
    @Singleton
    ActiveModel activeModel(ModelRegistry registry, Clock clock, ApiConfig config) {
        return new ActiveModel(registry, clock, config.modelRefresh());
    }

    @Produces
    @Singleton
    SegmentPopularity segmentPopularity(CandidateStore candidates) {
        return new SegmentPopularity(candidates);
    }

    @Produces
    @Singleton
    SimilarItems similarItems(ActiveModel model, CandidateStore candidates, ItemCatalog catalog, FeatureStore features,
                              FallbackPopularity fallback, ApiConfig config) {
        return new SimilarItems(model, candidates, catalog, features,
                new PopularCatalog(candidates, catalog, config.contentPoolSize()), fallback);
    }

    @Produces
    @Singleton
    Trending trending(FeatureStore features, ActiveModel model, SegmentPopularity segments, FallbackPopularity fallback, Clock clock) {
        return new Trending(features, model, segments, fallback, clock);
    }

    @Produces
    @Singleton
    Popular popular(ActiveModel model, SegmentPopularity segments, FallbackPopularity fallback) {
        return new Popular(model, segments, fallback);
    }
}
