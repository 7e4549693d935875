package dev.marquee.adapters.embedded;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

public final class InMemoryItemCatalog implements ItemCatalog {
    private final Map<String, Item> items = new ConcurrentHashMap<>();

    @Override
    public void put(Item item) {
        items.put(item.itemId(), item);
    }

    @Override
    public void putAll(Collection<Item> batch) {
        batch.forEach(this::put);
    }

    @Override
    public Optional<Item> get(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    @Override
    public Map<String, Item> getAll(Collection<String> itemIds) {
        Map<String, Item> found = new HashMap<>();
        for (String id : itemIds) {
            Item i = items.get(id);
            if (i != null) {
                found.put(id, i);
            }
        }
        return found;
    }

    @Override
    public boolean delete(String itemId) {
        return items.remove(itemId) != null;
    }

    @Override
    public void forEach(Consumer<Item> visitor) {
        items.values().forEach(visitor);
    }
}
