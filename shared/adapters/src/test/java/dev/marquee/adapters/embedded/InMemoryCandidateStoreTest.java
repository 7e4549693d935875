package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.CandidateStore;
import dev.marquee.testing.contract.CandidateStoreContract;

/** The embedded adapter against the contract the real adapter also passes. */
class InMemoryCandidateStoreTest extends CandidateStoreContract {
    @Override
    protected CandidateStore newStore() {
        return new InMemoryCandidateStore();
    }
}
