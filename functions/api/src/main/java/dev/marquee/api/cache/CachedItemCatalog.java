package dev.marquee.api.cache;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Catalog entries held in memory: the read path checks availability of hundreds of candidates per request, and items
 * change rarely. A write through this instance shows at once; a write through another instance once the entry's TTL is
 * over (the first read after it still gets the old entry and reloads it in the background, see
 * {@link RevalidatingCache}). Absent items are cached too (a candidate with no catalog entry is asked for on every
 * request). A full scan ({@link #forEach}, the catalog index's refresh) refreshes every entry it visits, so a warm
 * instance reads the catalog table only for items created since. Concurrent misses of an item share one read.
 */
public final class CachedItemCatalog implements ItemCatalog {
    private final ItemCatalog catalog;
    private final RevalidatingCache<String, Optional<Item>> entries;
    private final SingleFlight<String, Optional<Item>> reads = new SingleFlight<>();

    public CachedItemCatalog(ItemCatalog catalog, Clock clock, Duration ttl, Duration maxStale, int capacity, Executor background,
                             Consumer<RuntimeException> onReloadFailure) {
        this.catalog = catalog;
        this.entries = new RevalidatingCache<>(clock, ttl, maxStale, capacity, this::reload, background, onReloadFailure);
    }

    private Map<String, Optional<Item>> reload(List<String> ids) {
        Map<String, Item> read = catalog.getAll(ids);
        Map<String, Optional<Item>> out = new HashMap<>();
        ids.forEach(id -> out.put(id, Optional.ofNullable(read.get(id))));
        return out;
    }

    @Override
    public Optional<Item> get(String itemId) {
        Optional<Item> cached = entries.get(itemId);
        if (cached != null) {
            return cached;
        }
        return reads.load(itemId, () -> {
            Optional<Item> item = catalog.get(itemId);
            entries.put(itemId, item);
            return item;
        });
    }

    @Override
    public Map<String, Item> getAll(Collection<String> itemIds) {
        Map<String, Item> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : itemIds) {
            Optional<Item> cached = entries.get(id);
            if (cached == null) {
                missing.add(id);
            } else {
                cached.ifPresent(item -> found.put(id, item));
            }
        }
        if (!missing.isEmpty()) {
            reads.loadAll(missing, ids -> {
                Map<String, Optional<Item>> read = reload(ids);
                read.forEach(entries::put);
                return read;
            }).forEach((id, item) -> item.ifPresent(i -> found.put(id, i)));
        }
        return found;
    }

    @Override
    public void put(Item item) {
        catalog.put(item);
        entries.remove(item.itemId());
    }

    @Override
    public void putAll(Collection<Item> items) {
        catalog.putAll(items);
        items.forEach(i -> entries.remove(i.itemId()));
    }

    @Override
    public boolean delete(String itemId) {
        boolean deleted = catalog.delete(itemId);
        entries.remove(itemId);
        return deleted;
    }

    @Override
    public void forEach(Consumer<Item> visitor) {
        catalog.forEach(item -> {
            entries.put(item.itemId(), Optional.of(item));
            visitor.accept(item);
        });
    }
}
