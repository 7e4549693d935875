package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Promotions: {@code share} of the answer's positions go to items matching a configured filter (a campaign:
 * {@code tag:promo}), the best-ranked matching candidates first, then the newest matching catalog items. Each is
 * checked like any candidate (not seen, not excluded, available in the country, matching the request's filter) and
 * explained as {@code promoted} with the campaign filter as detail. Matching items already in the top positions
 * count toward the share and stay where they are.
 */
public final class PromotionRule implements ReRankRule {
    public static final String NAME = "promotions";
    public static final String SOURCE = "promotion";
    private final ItemFilter campaign;
    private final double share;
    private final CatalogIndex catalog;

    public PromotionRule(ItemFilter campaign, double share, CatalogIndex catalog) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("promotion share must be between 0 and 1");
        }
        this.campaign = campaign;
        this.share = share;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> apply(List<Recommendation> ranked, RecommendationContext context, Map<String, Item> items) {
        int limit = Math.min(context.request().limit(), Math.max(ranked.size(), 1));
        int slots = Slots.count(share, limit);
        if (slots == 0 || campaign.isNone()) {
            return ranked;
        }
        Reason reason = new Reason(ReasonType.PROMOTED, null, campaign.toString());
        int alreadyShown = 0;
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            Item item = items.get(ranked.get(i).itemId());
            if (item != null && campaign.matches(item)) {
                alreadyShown++;
            }
        }
        int wanted = slots - alreadyShown;
        if (wanted <= 0) {
            return ranked;
        }
        List<Recommendation> chosen = new ArrayList<>(wanted);
        Set<String> inList = new HashSet<>();
        for (int i = 0; i < ranked.size(); i++) {
            Recommendation r = ranked.get(i);
            inList.add(r.itemId());
            Item item = items.get(r.itemId());
            if (i >= limit && chosen.size() < wanted && item != null && campaign.matches(item)) {
                chosen.add(r.withReason(reason));
            }
        }
        for (Item item : catalog.newestFirst()) {
            if (chosen.size() >= wanted) {
                break;
            }
            if (!inList.contains(item.itemId()) && campaign.matches(item) && eligible(item, context)) {
                chosen.add(new Recommendation(item.itemId(), 0, reason, SOURCE));
            }
        }
        if (chosen.isEmpty()) {
            return ranked;
        }
        int[] at = Slots.spread(chosen.size(), limit, 0);
        at[0] = Math.min(at[0], 1);
        return Slots.place(ranked, chosen, at);
    }

    private static boolean eligible(Item item, RecommendationContext context) {
        return item.isAvailableIn(context.country()) && !context.seen().contains(item.itemId())
                && !context.request().exclude().contains(item.itemId()) && context.request().filter().matches(item);
    }
}
