package dev.marquee.api;

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
import dev.marquee.runtime.config.MarqueeConfig;
import dev.marquee.runtime.wiring.EmbeddedPorts;
import dev.marquee.runtime.wiring.Ports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The embedded ports with the catalog and the feature store down; selected only by {@link StoreOutageLambdaIT}'s
 * profile. The lake, the deletion log and the profiles keep working.
 */
@Alternative
@ApplicationScoped
public class OutagePorts {

    @Produces
    @Singleton
    Ports ports(MarqueeConfig config, Clock clock) {
        Ports up = new EmbeddedPorts(config, clock);
        ItemCatalog catalog = Unavailable.port(ItemCatalog.class, "catalog");
        FeatureStore features = Unavailable.port(FeatureStore.class, "features");
        return new Ports() {
            @Override public ItemCatalog catalog() { return catalog; }
            @Override public UserProfiles profiles() { return up.profiles(); }
            @Override public CandidateStore candidates() { return up.candidates(); }
            @Override public ModelRegistry registry() { return up.registry(); }
            @Override public FeatureStore features() { return features; }
            @Override public ResponseCache cache() { return up.cache(); }
            @Override public EventLake lake() { return up.lake(); }
            @Override public ModelStore models() { return up.models(); }
            @Override public EventStream stream() { return up.stream(); }
            @Override public DeadLetterSink deadLetters() { return up.deadLetters(); }
            @Override public LakeFiles lakeFiles() { return up.lakeFiles(); }
            @Override public DeletionLog deletions() { return up.deletions(); }
        };
    }
}
