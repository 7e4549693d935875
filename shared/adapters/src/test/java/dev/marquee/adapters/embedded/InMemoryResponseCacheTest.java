package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.ResponseCache;
import dev.marquee.testing.contract.ResponseCacheContract;

import java.time.Clock;

/** The embedded adapter against the contract the real adapter also passes. */
class InMemoryResponseCacheTest extends ResponseCacheContract {
    @Override
    protected ResponseCache newCache() {
        return new InMemoryResponseCache(Clock.systemUTC());
    }
}
