package dev.marquee.api.cache;

import dev.marquee.api.ApiConfig;
import dev.marquee.domain.funnel.CatalogIndex;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.runtime.wiring.Ports;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * In the api, the ports the read path hits on every request are read through in-memory caches (see each class for why
 * each is safe); they replace the plain ports for every bean of this application. Catalog writes also update the
 * in-memory catalog index.
 */
@ApplicationScoped
public class ReadCacheProducer {
    private static final Logger LOG = Logger.getLogger(ReadCacheProducer.class);
    /** Background reloads of stale entries: off the request path, one virtual thread per drain. */
    private static final Executor RELOADS = r -> Thread.ofVirtual().name("read-cache-reload").start(r);

    @Produces
    @Singleton
    @Alternative
    @Priority(10)
    CandidateStore candidates(Ports ports, ApiConfig config) {
        return new CachedCandidateStore(ports.candidates(), config.readCache().lists());
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(10)
    ItemCatalog catalog(Ports ports, Clock clock, ApiConfig config, CatalogIndex index) {
        ApiConfig.ReadCache c = config.readCache();
        return new IndexedItemCatalog(new CachedItemCatalog(ports.catalog(), clock, c.catalogTtl(), c.catalogMaxStale(), c.items(),
                RELOADS, e -> LOG.warnf("Catalog entries not reloaded; serving them stale (%s)", e.getMessage())), index);
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(10)
    ModelRegistry registry(Ports ports, Clock clock, ApiConfig config) {
        return new CachedModelRegistry(ports.registry(), clock, config.modelRefresh());
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(10)
    UserProfiles profiles(Ports ports, Clock clock, ApiConfig config) {
        ApiConfig.ReadCache c = config.readCache();
        return new CachedUserProfiles(ports.profiles(), clock, c.profileTtl(), c.profileMaxStale(), c.profiles(), RELOADS,
                e -> LOG.warnf("Profiles not reloaded; serving them stale (%s)", e.getMessage()));
    }
}
