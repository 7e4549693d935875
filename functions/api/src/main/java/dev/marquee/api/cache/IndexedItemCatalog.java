package dev.marquee.api.cache;

import dev.marquee.domain.funnel.CatalogIndex;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps the in-memory {@link CatalogIndex} (new releases, onboarding genres, promotions) in step with the items written
 * through this instance; writes through other instances show at the index's next full refresh.
 */
public final class IndexedItemCatalog implements ItemCatalog {
    private final ItemCatalog catalog;
    private final CatalogIndex index;

    public IndexedItemCatalog(ItemCatalog catalog, CatalogIndex index) {
        this.catalog = catalog;
        this.index = index;
    }

    @Override
    public void put(Item item) {
        catalog.put(item);
        index.upsert(java.util.List.of(item));
    }

    @Override
    public void putAll(Collection<Item> items) {
        catalog.putAll(items);
        index.upsert(items);
    }

    @Override
    public boolean delete(String itemId) {
        boolean deleted = catalog.delete(itemId);
        index.remove(itemId);
        return deleted;
    }

    @Override
    public Optional<Item> get(String itemId) {
        return catalog.get(itemId);
    }

    @Override
    public Map<String, Item> getAll(Collection<String> itemIds) {
        return catalog.getAll(itemIds);
    }

    @Override
    public void forEach(Consumer<Item> visitor) {
        catalog.forEach(visitor);
    }
}
