package dev.marquee.api.serving;

import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ContentNeighboursTest {

    private static Item item(String id, List<String> genres, List<String> tags) {
        return new Item(id, id, genres, tags, null, null, Set.of(), Map.of());
    }

    @Test
    void moreSharedGenresRankFirstThenTagsThenPopularity() {
        Item target = item("t", List.of("Drama", "War"), List.of("ww2"));
        List<Item> pool = List.of(
                item("popular-drama", List.of("Drama"), List.of()),
                item("comedy", List.of("Comedy"), List.of()),
                item("war-drama", List.of("Drama", "War"), List.of()),
                item("war-drama-ww2", List.of("Drama", "War"), List.of("ww2")),
                item("t", List.of("Drama", "War"), List.of("ww2")),
                item("seen-drama", List.of("Drama"), List.of()));

        List<ListedItem> out = ContentNeighbours.of(target, pool, Set.of("seen-drama"), 10);

        assertThat(out).extracting(ListedItem::itemId).containsExactly("war-drama-ww2", "war-drama", "popular-drama");
        assertThat(out).allSatisfy(i -> assertThat(i.source()).isEqualTo(ContentNeighbours.SOURCE));
    }

    @Test
    void anItemWithoutGenresHasNoContentNeighbours() {
        assertThat(ContentNeighbours.of(item("t", List.of(), List.of("x")), List.of(item("a", List.of("Drama"), List.of("x"))), Set.of(), 5))
                .isEmpty();
    }
}
