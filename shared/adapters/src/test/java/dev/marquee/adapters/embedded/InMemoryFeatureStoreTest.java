package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.FeatureStore;
import dev.marquee.testing.contract.FeatureStoreContract;

import java.time.Clock;

/** The embedded adapter against the contract the real adapter also passes. */
class InMemoryFeatureStoreTest extends FeatureStoreContract {
    @Override
    protected FeatureStore newStore() {
        return new InMemoryFeatureStore(HALF_LIFE, Clock.systemUTC());
    }
}
