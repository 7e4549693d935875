package dev.marquee.api.serving;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.ItemCatalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The globally most popular items of a model version with their catalog entries, best first: the pool content-based
 * neighbours are picked from. Read once per version (two store calls) and held in memory, not scanned per request.
 */
public final class PopularCatalog {
    private record Loaded(String version, List<Item> items) {
    }

    private final CandidateStore candidates;
    private final ItemCatalog catalog;
    private final int size;
    private volatile Loaded loaded;

    public PopularCatalog(CandidateStore candidates, ItemCatalog catalog, int size) {
        this.candidates = candidates;
        this.catalog = catalog;
        this.size = size;
    }

    /** @throws dev.marquee.domain.port.StoreUnavailableException when it is not loaded yet and a store is down */
    public List<Item> items(String version) {
        Loaded current = loaded;
        if (current != null && current.version().equals(version)) {
            return current.items();
        }
        List<Candidate> top = candidates.get(version, CandidateKind.SEGMENT, Segment.GLOBAL.key());
        List<Candidate> head = top.subList(0, Math.min(size, top.size()));
        Map<String, Item> byId = catalog.getAll(head.stream().map(Candidate::itemId).toList());
        List<Item> items = head.stream().map(c -> byId.get(c.itemId())).filter(Objects::nonNull).toList();
        loaded = new Loaded(version, items);
        return items;
    }
}
