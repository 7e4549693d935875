package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An in-memory snapshot of the catalog for the generators that look items up by metadata (new releases, onboarding
 * genres, promotions): every item by id, newest release first overall and per genre. Replaced wholesale by its
 * loader; readers see the old snapshot or the new one, never a mix.
 */
public final class CatalogIndex {
    private static final Comparator<Item> NEWEST_FIRST = Comparator
            .comparing(Item::releasedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Item::itemId);

    private record Snapshot(Map<String, Item> byId, List<Item> newest, Map<String, List<Item>> byGenre) {
    }

    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), Map.of());

    public static CatalogIndex of(Collection<Item> items) {
        CatalogIndex index = new CatalogIndex();
        index.replace(items);
        return index;
    }

    public synchronized void replace(Collection<Item> items) {
        Map<String, Item> byId = new HashMap<>(items.size() * 2);
        items.forEach(i -> byId.put(i.itemId(), i));
        List<Item> newest = new ArrayList<>(byId.values());
        newest.sort(NEWEST_FIRST);
        Map<String, List<Item>> byGenre = new HashMap<>();
        for (Item item : newest) {
            for (String g : item.genres()) {
                byGenre.computeIfAbsent(g.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(item);
            }
        }
        byGenre.replaceAll((g, list) -> List.copyOf(list));
        snapshot = new Snapshot(Map.copyOf(byId), List.copyOf(newest), Map.copyOf(byGenre));
    }

    /**
     * Adds or replaces items written through this instance, so a new item is a new release and a promotion candidate
     * at once rather than at the next full refresh. A whole new snapshot: writes are rare next to reads.
     */
    public synchronized void upsert(Collection<Item> items) {
        Map<String, Item> byId = new HashMap<>(snapshot.byId());
        items.forEach(i -> byId.put(i.itemId(), i));
        replace(byId.values());
    }

    public synchronized void remove(String itemId) {
        if (snapshot.byId().containsKey(itemId)) {
            Map<String, Item> byId = new HashMap<>(snapshot.byId());
            byId.remove(itemId);
            replace(byId.values());
        }
    }

    public int size() {
        return snapshot.byId().size();
    }

    public Item get(String itemId) {
        return snapshot.byId().get(itemId);
    }

    /** Every item, newest release first (items without a release date last). */
    public List<Item> newestFirst() {
        return snapshot.newest();
    }

    /** The items of a genre (any case), newest release first. */
    public List<Item> genre(String genre) {
        return snapshot.byGenre().getOrDefault(genre.toLowerCase(Locale.ROOT), List.of());
    }

    /** Whether the item was released at or before {@code now} and no longer ago than {@code maxAge} days. */
    static boolean releasedWithin(Item item, Instant now, java.time.Duration maxAge) {
        Instant at = item.releasedAt();
        return at != null && !at.isAfter(now) && !at.isBefore(now.minus(maxAge));
    }
}
