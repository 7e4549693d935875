package dev.marquee.api.cache;

import dev.marquee.api.ApiConfig;
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

import java.time.Clock;

/**
 * In the api, the ports the read path hits on every request are read through in-memory caches (see each class for why
 * each is safe); they replace the plain ports for every bean of this application.
 */
@ApplicationScoped
public class ReadCacheProducer {

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
    ItemCatalog catalog(Ports ports, Clock clock, ApiConfig config) {
        return new CachedItemCatalog(ports.catalog(), clock, config.readCache().catalogTtl(), config.readCache().items());
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
        return new CachedUserProfiles(ports.profiles(), clock, config.readCache().profileTtl(), config.readCache().profiles());
    }
}
