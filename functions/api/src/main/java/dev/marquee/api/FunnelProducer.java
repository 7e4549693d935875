package dev.marquee.api;

import dev.marquee.domain.funnel.AvailabilityRule;
import dev.marquee.domain.funnel.BecauseYouWatchedGenerator;
import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.funnel.Funnel;
import dev.marquee.domain.funnel.PopularInSegmentGenerator;
import dev.marquee.domain.funnel.PrecomputedCandidatesGenerator;
import dev.marquee.domain.funnel.RemoveSeenRule;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.Ranker;
import dev.marquee.domain.port.UserProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** Assembles the funnel: which generators run and which rules re-rank, in order. */
@ApplicationScoped
public class FunnelProducer {

    @Produces
    @Singleton
    FallbackPopularity fallback() {
        return new FallbackPopularity();
    }

    @Produces
    @Singleton
    Funnel funnel(UserProfiles profiles, FeatureStore features, ModelRegistry registry, CandidateStore candidates,
                  ItemCatalog catalog, FallbackPopularity fallback, Ranker ranker) {
        return new Funnel(profiles, features, registry,
                List.of(new BecauseYouWatchedGenerator(candidates, features), new PrecomputedCandidatesGenerator(candidates),
                        new PopularInSegmentGenerator(candidates)),
                ranker,
                List.of(new RemoveSeenRule(), new AvailabilityRule(catalog)),
                fallback);
    }
}
