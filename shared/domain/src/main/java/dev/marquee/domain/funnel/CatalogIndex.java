package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
            // distinct per item: "Drama" and "drama" are one genre, and the item is in its list once
            for (String g : new java.util.LinkedHashSet<>(item.genres().stream().map(x -> x.toLowerCase(Locale.ROOT)).toList())) {
                byGenre.computeIfAbsent(g, k -> new ArrayList<>()).add(item);
            }
        }
        byGenre.replaceAll((g, list) -> List.copyOf(list));
        snapshot = new Snapshot(Map.copyOf(byId), List.copyOf(newest), Map.copyOf(byGenre));
    }

    /**
     * Adds or replaces items written through this instance, so a new item is a new release and a promotion candidate
     * at once rather than at the next full refresh. Merges into the sorted lists in linear time instead of sorting
     * the catalog again, since a bulk import writes through here a batch at a time.
     */
    public synchronized void upsert(Collection<Item> items) {
        Map<String, Item> changed = new HashMap<>();
        items.forEach(i -> changed.put(i.itemId(), i));
        if (!changed.isEmpty()) {
            apply(changed.keySet(), changed.values());
        }
    }

    public synchronized void remove(String itemId) {
        if (snapshot.byId().containsKey(itemId)) {
            apply(Set.of(itemId), List.of());
        }
    }

    /** A new snapshot without the items of {@code ids} and with {@code added} (whose ids are among them). */
    private void apply(Set<String> ids, Collection<Item> added) {
        Snapshot s = snapshot;
        Map<String, Item> byId = new HashMap<>(s.byId());
        ids.forEach(byId::remove);
        added.forEach(i -> byId.put(i.itemId(), i));
        List<Item> sortedAdded = new ArrayList<>(added);
        sortedAdded.sort(NEWEST_FIRST);
        Set<String> genres = new HashSet<>();
        for (String id : ids) {
            Item old = s.byId().get(id);
            if (old != null) {
                old.genres().forEach(g -> genres.add(g.toLowerCase(Locale.ROOT)));
            }
        }
        added.forEach(i -> i.genres().forEach(g -> genres.add(g.toLowerCase(Locale.ROOT))));
        Map<String, List<Item>> byGenre = new HashMap<>(s.byGenre());
        for (String g : genres) {
            List<Item> inGenre = sortedAdded.stream().filter(i -> i.genres().stream().anyMatch(x -> x.equalsIgnoreCase(g))).toList();
            List<Item> merged = merge(s.byGenre().getOrDefault(g, List.of()), ids, inGenre);
            if (merged.isEmpty()) {
                byGenre.remove(g);
            } else {
                byGenre.put(g, merged);
            }
        }
        snapshot = new Snapshot(Map.copyOf(byId), merge(s.newest(), ids, sortedAdded), Map.copyOf(byGenre));
    }

    /** Both lists newest first; the result too, without the items of {@code dropped} that {@code sorted} held. */
    private static List<Item> merge(List<Item> sorted, Set<String> dropped, List<Item> added) {
        List<Item> out = new ArrayList<>(sorted.size() + added.size());
        int a = 0;
        for (Item item : sorted) {
            if (dropped.contains(item.itemId())) {
                continue;
            }
            while (a < added.size() && NEWEST_FIRST.compare(added.get(a), item) < 0) {
                out.add(added.get(a++));
            }
            out.add(item);
        }
        out.addAll(added.subList(a, added.size()));
        return List.copyOf(out);
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
