package dev.marquee.runtime.wiring;

import dev.marquee.runtime.config.MarqueeConfig;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.ingest.EventValidator;
import dev.marquee.domain.ingest.IngestPipeline;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.domain.tracking.TrackingTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Chooses the adapters by marquee.backend and exposes each port as a bean. */
@ApplicationScoped
public class PortProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    EventValidator validator(Clock clock, TrackingTokens tokens) {
        return EventValidator.standard(clock).withTrackingTokens(tokens);
    }

    @Produces
    @Singleton
    IngestPipeline ingestPipeline(Ports p, MarqueeConfig config) {
        return new IngestPipeline(p.lake(), p.features(), p.cache(), EventWeights.defaults(),
                new FeatureUpdate.Limits(config.features().recentMax(), config.features().dedupeWindow()));
    }

    @Produces
    @Singleton
    Ports ports(MarqueeConfig config, Clock clock, AwsPortsFactory aws) {
        return switch (config.backend()) {
            case EMBEDDED -> EmbeddedPorts.create(config, clock);
            case AWS -> aws.create(config, clock);
        };
    }

    @Produces @Singleton ItemCatalog catalog(Ports p) { return p.catalog(); }
    @Produces @Singleton UserProfiles profiles(Ports p) { return p.profiles(); }
    @Produces @Singleton CandidateStore candidates(Ports p) { return p.candidates(); }
    @Produces @Singleton ModelRegistry registry(Ports p) { return p.registry(); }
    @Produces @Singleton FeatureStore features(Ports p) { return p.features(); }
    @Produces @Singleton ResponseCache cache(Ports p) { return p.cache(); }
    @Produces @Singleton EventLake lake(Ports p) { return p.lake(); }
    @Produces @Singleton ModelStore models(Ports p) { return p.models(); }
    @Produces @Singleton EventStream stream(Ports p) { return p.stream(); }
    @Produces @Singleton DeadLetterSink deadLetters(Ports p) { return p.deadLetters(); }
    @Produces @Singleton LakeFiles lakeFiles(Ports p) { return p.lakeFiles(); }
    @Produces @Singleton DeletionLog deletions(Ports p) { return p.deletions(); }
}
