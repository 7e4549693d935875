package dev.marquee.domain.synth;

import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.UserProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticDatasetTest {
    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void sameSeedGivesTheSameWorld() {
        assertThat(SyntheticDataset.generate(SyntheticDataset.Spec.small(END)))
                .isEqualTo(SyntheticDataset.generate(SyntheticDataset.Spec.small(END)));
    }

    @Test
    void eventsOnlyTouchItemsLicensedInTheUsersCountry() {
        SyntheticDataset d = SyntheticDataset.generate(SyntheticDataset.Spec.small(END));
        Map<String, Item> items = d.items().stream().collect(Collectors.toMap(Item::itemId, Function.identity()));
        Map<String, UserProfile> users = d.users().stream().collect(Collectors.toMap(UserProfile::userId, Function.identity()));

        assertThat(d.events()).allSatisfy(e ->
                assertThat(items.get(e.itemId()).isAvailableIn(users.get(e.userId()).country())).isTrue());
        assertThat(d.items()).anySatisfy(i -> assertThat(i.availableCountries()).isNotEmpty());
    }

    @Test
    void popularityFollowsAPowerLaw() {
        SyntheticDataset d = SyntheticDataset.generate(SyntheticDataset.Spec.small(END));
        Map<String, Long> plays = d.events().stream().collect(Collectors.groupingBy(InteractionEvent::itemId, Collectors.counting()));

        long head = plays.getOrDefault("i1", 0L) + plays.getOrDefault("i2", 0L) + plays.getOrDefault("i3", 0L);
        long tail = plays.getOrDefault("i398", 0L) + plays.getOrDefault("i399", 0L) + plays.getOrDefault("i400", 0L);
        assertThat(head).isGreaterThan(10 * Math.max(1, tail));
    }

    @Test
    void eventsFallInsideTheRequestedSpan() {
        SyntheticDataset.Spec spec = SyntheticDataset.Spec.small(END);
        SyntheticDataset d = SyntheticDataset.generate(spec);

        assertThat(d.events()).allSatisfy(e -> assertThat(e.timestamp()).isBetween(END.minus(spec.span()), END));
        assertThat(d.users()).extracting(UserProfile::userId).contains("u1", "u200");
    }
}
