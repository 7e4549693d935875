package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.testing.contract.ModelRegistryContract;

/** The embedded adapter against the contract the real adapter also passes. */
class InMemoryModelRegistryTest extends ModelRegistryContract {
    @Override
    protected ModelRegistry newRegistry() {
        return new InMemoryModelRegistry();
    }
}
