package dev.marquee.api;

import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.domain.users.UserErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Assembles user erasure from the ports: the deletion log first, then every store that holds something about a user. */
@ApplicationScoped
public class ErasureProducer {

    @Produces
    @Singleton
    UserErasure erasure(DeletionLog deletions, UserProfiles profiles, FeatureStore features, ResponseCache cache, Clock clock) {
        return new UserErasure(deletions, profiles, features, cache, clock);
    }
}
