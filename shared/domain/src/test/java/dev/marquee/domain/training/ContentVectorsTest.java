package dev.marquee.domain.training;

import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContentVectorsTest {
    private static Item item(String id, List<String> genres, List<String> tags, String released) {
        return new Item(id, id, genres, tags, "movie", released == null ? null : Instant.parse(released), null, null);
    }

    private static final List<Item> CATALOG = List.of(
            item("alien", List.of("Horror", "Sci-Fi"), List.of("Sigourney Weaver"), "1979-05-25T00:00:00Z"),
            item("aliens", List.of("Action", "Sci-Fi"), List.of("Sigourney Weaver"), "1986-07-18T00:00:00Z"),
            item("notting-hill", List.of("Comedy", "Romance"), List.of("Julia Roberts"), "1999-05-21T00:00:00Z"),
            item("pretty-woman", List.of("Comedy", "Romance"), List.of("Julia Roberts"), "1990-03-23T00:00:00Z"),
            item("heat", List.of("Action", "Crime"), List.of(), "1995-12-15T00:00:00Z"));

    @Test
    void vectorsAreUnitLengthAndRareFeaturesWeighMore() {
        ContentVectors cv = ContentVectors.fit(CATALOG);
        for (ContentVectors.Vector v : cv.vectors()) {
            double norm = 0;
            for (float w : v.weights()) {
                norm += w * w;
            }
            assertThat(norm).isCloseTo(1.0, within(1e-5));
        }
        assertThat(cv.idf().get("type:movie")).isLessThan(cv.idf().get("genre:horror"));
        assertThat(ContentVectors.featuresOf(CATALOG.get(0)))
                .containsExactly("decade:1970", "genre:horror", "genre:sci-fi", "tag:sigourney weaver", "type:movie");
    }

    @Test
    void itemsWithoutAnyPlaysGetNeighboursSharingTheirMetadata() {
        Ranked[] n = ContentVectors.fit(CATALOG).neighbours(2);

        assertThat(n[0].items()[0]).isEqualTo(1); // alien -> aliens (sci-fi, same lead)
        assertThat(n[2].items()[0]).isEqualTo(3); // notting-hill -> pretty-woman
        assertThat(n[2].scores()[0]).isGreaterThan(n[2].size() > 1 ? n[2].scores()[1] : 0f);
        for (int i = 0; i < n.length; i++) {
            for (int j : n[i].items()) {
                assertThat(j).isNotEqualTo(i);
            }
        }
    }

    @Test
    void aNewItemIsVectorisedWithTheCatalogsWeights() {
        ContentVectors cv = ContentVectors.fit(CATALOG);
        ContentVectors.Vector v = cv.vectorOf(item("new", List.of("Sci-Fi", "Unheard-Of"), List.of(), null));
        assertThat(v.features()).containsExactly("genre:sci-fi", "type:movie");
    }
}
