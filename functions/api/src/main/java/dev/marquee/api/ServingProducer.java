package dev.marquee.api;

import dev.marquee.api.serving.ActiveModel;
import dev.marquee.api.serving.Popular;
import dev.marquee.api.serving.PopularCatalog;
import dev.marquee.api.serving.ReadBudget;
import dev.marquee.api.serving.SegmentPopularity;
import dev.marquee.api.serving.SimilarItems;
import dev.marquee.api.serving.Trending;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The list endpoints' services (similar, trending, popular), built from the ports. */
@ApplicationScoped
public class ServingProducer {
    private final ExecutorService reads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("list-read-", 0).factory());

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    @Produces
    @Singleton
    ReadBudget readBudget(ApiConfig config) {
        return new ReadBudget(reads, config.listReadBudget());
    }

    @Produces
    @Singleton
    ActiveModel activeModel(ModelRegistry registry) {
        return new ActiveModel(registry);
    }

    @Produces
    @Singleton
    SegmentPopularity segmentPopularity(CandidateStore candidates) {
        return new SegmentPopularity(candidates);
    }

    @Produces
    @Singleton
    SimilarItems similarItems(ActiveModel model, CandidateStore candidates, ItemCatalog catalog, FeatureStore features,
                              FallbackPopularity fallback, ApiConfig config, ReadBudget budget) {
        return new SimilarItems(model, candidates, catalog, features,
                new PopularCatalog(candidates, catalog, config.contentPoolSize()), fallback, budget);
    }

    @Produces
    @Singleton
    Trending trending(FeatureStore features, ActiveModel model, SegmentPopularity segments, FallbackPopularity fallback, Clock clock,
                      ReadBudget budget) {
        return new Trending(features, model, segments, fallback, clock, budget);
    }

    @Produces
    @Singleton
    Popular popular(ActiveModel model, SegmentPopularity segments, FallbackPopularity fallback, ReadBudget budget) {
        return new Popular(model, segments, fallback, budget);
    }
}
