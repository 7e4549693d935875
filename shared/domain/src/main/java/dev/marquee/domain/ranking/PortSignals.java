package dev.marquee.domain.ranking;

import dev.marquee.domain.funnel.RecommendationContext;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The api's {@link RequestSignals}: the active bundle's tables (factors, popularity, trend) plus, per request, two
 * batched look-ups: the user's recent interactions (feature store) and the candidates' and recent items' metadata
 * (catalog). Activity is the size of the user's seen set, which the funnel already read. A failing store propagates
 * ({@code StoreUnavailableException}) and the funnel keeps the candidate order, naming the fallback.
 */
public final class PortSignals implements RequestSignals {
    private final SignalTables bundle;
    private final FeatureStore features;
    private final ItemCatalog catalog;

    public PortSignals(SignalTables bundle, FeatureStore features, ItemCatalog catalog) {
        this.bundle = bundle;
        this.features = features;
        this.catalog = catalog;
    }

    @Override
    public FeatureInputs gather(RecommendationContext context, List<String> candidateIds) {
        String user = context.request().userId();
        List<RecentInteraction> recent = features.recent(user, FeatureExtractor.RECENT * 2);
        Set<String> recentIds = new LinkedHashSet<>();
        for (RecentInteraction r : recent) {
            if (recentIds.size() == FeatureExtractor.RECENT) {
                break;
            }
            recentIds.add(r.itemId());
        }
        Set<String> wanted = new LinkedHashSet<>(candidateIds);
        wanted.addAll(recentIds);
        Map<String, Item> items = catalog.getAll(wanted);
        return bundle.withRequest(user, new ArrayList<>(recentIds), context.seen().size(), items);
    }
}
