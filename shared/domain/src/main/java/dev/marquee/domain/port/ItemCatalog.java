package dev.marquee.domain.port;

import dev.marquee.domain.model.Item;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Catalog items with their metadata and availability. */
public interface ItemCatalog {

    void put(Item item);

    /** Bulk write, batched by the adapter; all or an exception. */
    void putAll(Collection<Item> items);

    Optional<Item> get(String itemId);

    /** The items found among {@code itemIds}; missing ids are absent from the map. */
    Map<String, Item> getAll(Collection<String> itemIds);

    boolean delete(String itemId);

    /** Visits every item (a full scan: batch jobs only). */
    void forEach(Consumer<Item> visitor);
}
