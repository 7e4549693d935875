package dev.marquee.domain.funnel;

import dev.marquee.domain.experiment.FunnelFactory;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.ReasonType;
import dev.marquee.domain.model.Recommendation;
import dev.marquee.domain.model.RecommendationList;
import dev.marquee.domain.model.UserProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new user: onboarding preferences blended with popularity, then their own history from the next request on. */
class ColdStartTest {
    private final ServingWorld world = new ServingWorld();
    private final Funnel funnel = world.funnel(FunnelFactory.GENERATORS, List.of("remove_seen", "exclude", "availability"));

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aUserWithNoHistoryGetsTheirOnboardingGenresBlendedWithPopularity() {
        world.profiles.put(new UserProfile("newbie", null, null, new Preferences(List.of("comedy"), List.of()), Map.of()));

        RecommendationList list = funnel.recommend(ServingWorld.request("newbie", 10));

        assertThat(list.items()).extracting(r -> r.reason().type())
                .contains(ReasonType.ONBOARDING_PREFERENCE, ReasonType.POPULAR_WITH_SIMILAR_USERS)
                .doesNotContain(ReasonType.BECAUSE_YOU_WATCHED);
        assertThat(list.items().getFirst().reason().type()).isEqualTo(ReasonType.ONBOARDING_PREFERENCE);
        assertThat(list.items().getFirst().reason().detail()).isEqualTo("comedy");
        assertThat(list.fallback()).isNull();
    }

    @Test
    void theNextRequestAfterAnEventIsPersonalisedFromIt() {
        world.profiles.put(new UserProfile("newbie", null, null, new Preferences(List.of("comedy"), List.of()), Map.of()));
        world.candidates.putAll("v1", CandidateKind.SIMILAR, Map.of("i3", List.of(new Candidate("i5", 0.9, "sim"), new Candidate("i7", 0.8, "sim"))));

        // the ingest path writes these features when the event arrives
        world.features.addRecent("newbie", new RecentInteraction("i3", EventType.COMPLETE, ServingWorld.NOW), 100);
        world.features.markSeen("newbie", "i3");
        RecommendationList list = funnel.recommend(ServingWorld.request("newbie", 10));

        Recommendation first = list.items().getFirst();
        assertThat(first.reason().type()).isEqualTo(ReasonType.BECAUSE_YOU_WATCHED);
        assertThat(first.reason().relatedItemId()).isEqualTo("i3");
        assertThat(list.items()).extracting(Recommendation::itemId).doesNotContain("i3");
    }

    @Test
    void anItemAddedAMinuteAgoIsANewReleaseCandidateAtOnce() {
        var fresh = new dev.marquee.domain.model.Item("brand-new", "New", List.of("comedy"), List.of(), "movie",
                ServingWorld.NOW.minusSeconds(60), java.util.Set.of(), Map.of());
        world.catalog.put(fresh);
        world.index.replace(java.util.stream.Stream.concat(world.index.newestFirst().stream(), java.util.stream.Stream.of(fresh)).toList());

        RecommendationList list = funnel.recommend(ServingWorld.request("anyone", 5));

        assertThat(list.items()).anySatisfy(r -> {
            assertThat(r.itemId()).isEqualTo("brand-new");
            assertThat(r.reason().type()).isEqualTo(ReasonType.NEW_RELEASE);
        });
    }
}
