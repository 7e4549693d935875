package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.Reason;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.Segment;
import dev.marquee.domain.port.CandidateStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cold start: what a user told us at onboarding, while they have fewer than {@code untilInteractions} recent
 * interactions. Two lists, interleaved: neighbours of the seed items they picked (explained by the seed), and the
 * items popular in their segment that belong to their favourite genres (explained by the genre; the newest of the
 * genre when no model is active). Once events arrive the history-based generators take over.
 */
public final class OnboardingPreferenceGenerator implements CandidateGenerator {
    public static final String NAME = "onboarding";
    private final CatalogIndex catalog;
    private final CandidateStore store;
    private final int untilInteractions;

    public OnboardingPreferenceGenerator(CatalogIndex catalog, CandidateStore store, int untilInteractions) {
        this.catalog = catalog;
        this.store = store;
        this.untilInteractions = untilInteractions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Recommendation> generate(RecommendationContext context, int max) {
        Preferences prefs = context.profile().preferences();
        if (context.recent().size() >= untilInteractions || (prefs.genres().isEmpty() && prefs.seedItems().isEmpty())) {
            return List.of();
        }
        List<Recommendation> seeds = fromSeeds(context, prefs, max);
        List<Recommendation> genres = fromGenres(context, prefs, max);
        List<Recommendation> out = new ArrayList<>(Math.min(max, seeds.size() + genres.size()));
        Set<String> taken = new HashSet<>(prefs.seedItems());
        for (int i = 0; out.size() < max && (i < seeds.size() || i < genres.size()); i++) {
            if (i < seeds.size() && taken.add(seeds.get(i).itemId())) {
                out.add(seeds.get(i));
            }
            if (i < genres.size() && out.size() < max && taken.add(genres.get(i).itemId())) {
                out.add(genres.get(i));
            }
        }
        return out;
    }

    private List<Recommendation> fromSeeds(RecommendationContext context, Preferences prefs, int max) {
        if (context.modelVersion() == null || prefs.seedItems().isEmpty()) {
            return List.of();
        }
        List<List<Candidate>> lists = new ArrayList<>();
        for (String seed : prefs.seedItems()) {
            lists.add(store.get(context.modelVersion(), CandidateKind.SIMILAR, seed));
        }
        List<Recommendation> out = new ArrayList<>();
        for (int rank = 0; out.size() < max; rank++) {
            boolean any = false;
            for (int s = 0; s < lists.size() && out.size() < max; s++) {
                if (rank < lists.get(s).size()) {
                    any = true;
                    Candidate c = lists.get(s).get(rank);
                    out.add(new Recommendation(c.itemId(), c.score(),
                            new Reason(ReasonType.ONBOARDING_PREFERENCE, prefs.seedItems().get(s), null), NAME));
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    private List<Recommendation> fromGenres(RecommendationContext context, Preferences prefs, int max) {
        if (prefs.genres().isEmpty()) {
            return List.of();
        }
        Set<String> liked = new HashSet<>();
        prefs.genres().forEach(g -> liked.add(g.toLowerCase(Locale.ROOT)));
        List<Recommendation> out = new ArrayList<>();
        if (context.modelVersion() != null) {
            for (Segment segment : context.segment().fallbacks()) {
                List<Candidate> popular = store.get(context.modelVersion(), CandidateKind.SEGMENT, segment.key());
                if (popular.isEmpty()) {
                    continue;
                }
                for (Candidate c : popular) {
                    Item item = catalog.get(c.itemId());
                    String genre = item == null ? null : firstLiked(item, liked);
                    if (genre != null) {
                        out.add(new Recommendation(c.itemId(), c.score(), new Reason(ReasonType.ONBOARDING_PREFERENCE, null, genre), NAME));
                        if (out.size() >= max) {
                            break;
                        }
                    }
                }
                break;
            }
        }
        if (out.isEmpty()) {
            for (String genre : prefs.genres()) {
                for (Item item : catalog.genre(genre)) {
                    if (out.size() >= max) {
                        return out;
                    }
                    out.add(new Recommendation(item.itemId(), 1.0 / (1 + out.size()),
                            new Reason(ReasonType.ONBOARDING_PREFERENCE, null, genre.toLowerCase(Locale.ROOT)), NAME));
                }
            }
        }
        return out;
    }

    private static String firstLiked(Item item, Set<String> liked) {
        for (String g : item.genres()) {
            String lower = g.toLowerCase(Locale.ROOT);
            if (liked.contains(lower)) {
                return lower;
            }
        }
        return null;
    }
}
