package dev.marquee.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the read endpoints (marquee.api.*, e.g. MARQUEE_API_RESPONSE_CACHE_TTL=PT10S). */
@ConfigMapping(prefix = "marquee.api")
public interface ApiConfig {

    ResponseCache responseCache();

    ReadCache readCache();

    /** How long the active model version is reused before the registry is read again (a switch shows within it). */
    @WithDefault("PT5S")
    Duration modelRefresh();

    /** How long one store read of the list endpoints (similar, trending, popular) may take before they go on without it. */
    @WithDefault("PT0.05S")
    Duration listReadBudget();

    /** How many of the most popular items content-based neighbours of a new item are picked from. */
    @WithDefault("500")
    int contentPoolSize();

    interface ResponseCache {
        /** Cache a user's recommendations (not degraded ones) in the response cache; a new event of theirs drops them. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT30S")
        Duration ttl();
    }

    /** In-memory read-through caches of the stores every request reads (see dev.marquee.api.cache). */
    interface ReadCache {
        /** Candidate lists kept (immutable per model version). */
        @WithDefault("50000")
        int lists();

        /** Catalog entries kept, and for how long: a change made through another instance shows within it. */
        @WithDefault("100000")
        int items();

        @WithDefault("PT60S")
        Duration catalogTtl();

        /** How long past its TTL an entry is still served while it reloads in the background, or while the catalog is down. */
        @WithDefault("PT15M")
        Duration catalogMaxStale();

        /** Profiles kept, and for how long (short: a profile written or erased through another instance shows within it). */
        @WithDefault("100000")
        int profiles();

        @WithDefault("PT10S")
        Duration profileTtl();

        /** The same for profiles: kept shorter, since an erasure through another instance shows only once reloaded. */
        @WithDefault("PT2M")
        Duration profileMaxStale();
    }
}
