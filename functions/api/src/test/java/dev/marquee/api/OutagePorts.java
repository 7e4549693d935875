package dev.marquee.api;

import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
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
        Ports up = EmbeddedPorts.create(config, clock);
        ItemCatalog catalog = Unavailable.port(ItemCatalog.class, "catalog");
        FeatureStore features = Unavailable.port(FeatureStore.class, "features");
        return new Ports(catalog, up.profiles(), up.candidates(), up.registry(), features, up.cache(), up.lake(),
                up.models(), up.stream(), up.deadLetters(), up.lakeFiles(), up.deletions());
    }
}
