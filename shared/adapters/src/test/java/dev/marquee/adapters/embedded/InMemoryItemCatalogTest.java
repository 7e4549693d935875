package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.testing.contract.ItemCatalogContract;

/** The embedded adapter against the contract the real adapter also passes. */
class InMemoryItemCatalogTest extends ItemCatalogContract {
    @Override
    protected ItemCatalog newCatalog() {
        return new InMemoryItemCatalog();
    }
}
