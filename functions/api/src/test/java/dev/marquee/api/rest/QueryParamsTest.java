package dev.marquee.api.rest;

import dev.marquee.domain.funnel.ItemFilter;
import dev.marquee.domain.model.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    private static void rejects(Runnable parse, String field, String messagePart) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void aSegmentIsCountryAndDeviceWithWildcardsOrACountryAlone() {
        assertThat(QueryParams.segment("US|tv")).isEqualTo(new Segment("US", "tv"));
        assertThat(QueryParams.segment("US")).isEqualTo(new Segment("US", null));
        assertThat(QueryParams.segment("*|tv")).isEqualTo(new Segment(null, "tv"));
        assertThat(QueryParams.segment(null)).isEqualTo(Segment.GLOBAL);
        rejects(() -> QueryParams.segment("us|tv"), "segment", "country");
        rejects(() -> QueryParams.segment("US|TV"), "segment", "device");
        rejects(() -> QueryParams.segment("US|tv|x"), "segment", "COUNTRY|DEVICE");
    }

    @Test
    void aFilterIsKeyValueClausesOfKnownKeys() {
        ItemFilter filter = QueryParams.filter("genre:Drama|War,content_type:movie");

        assertThat(filter.isNone()).isFalse();
        assertThat(filter).isEqualTo(ItemFilter.parse("genre:Drama|War,content_type:movie"));
        assertThat(QueryParams.filter("")).isEqualTo(ItemFilter.NONE);
        rejects(() -> QueryParams.filter("mood:happy"), "filter", "unknown field 'mood'");
        rejects(() -> QueryParams.filter("genre"), "filter", "field:value");
        rejects(() -> QueryParams.filter("genre:<script>"), "filter", "1-64 letters");
    }

    @Test
    void aMisspeltOrRepeatedParameterIsNamed() {
        var query = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        query.put("limt", List.of("5"));
        rejects(() -> QueryParams.onlyKnown(query, Set.of("limit")), "limt", "not a parameter");

        var repeated = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        repeated.put("limit", List.of("5", "6"));
        rejects(() -> QueryParams.onlyKnown(repeated, Set.of("limit")), "limit", "more than once");
    }

    @Test
    void theCacheKeyChangesWithEveryParameterAndTheModelVersion() {
        var base = new dev.marquee.domain.funnel.RecommendationRequest("u", "homepage", 10, "US", "tv", Set.of("b", "a"));
        String key = CachedRecommendations.key(base, "v1");

        assertThat(CachedRecommendations.key(new dev.marquee.domain.funnel.RecommendationRequest("u", "homepage", 10, "US", "tv",
                Set.of("a", "b")), "v1")).isEqualTo(key);
        assertThat(List.of(
                CachedRecommendations.key(base, "v2"),
                CachedRecommendations.key(new dev.marquee.domain.funnel.RecommendationRequest("u", "homepage", 10, "US", "tv", Set.of("a", "b"), ItemFilter.parse("genre:drama")), "v1"),
                CachedRecommendations.key(new dev.marquee.domain.funnel.RecommendationRequest("u", "up_next", 10, "US", "tv", Set.of("a", "b")), "v1"),
                CachedRecommendations.key(new dev.marquee.domain.funnel.RecommendationRequest("u", "homepage", 11, "US", "tv", Set.of("a", "b")), "v1"),
                CachedRecommendations.key(new dev.marquee.domain.funnel.RecommendationRequest("u", "homepage", 10, "GB", "tv", Set.of("a", "b")), "v1"),
                CachedRecommendations.key(new dev.marquee.domain.funnel.RecommendationRequest("u", "homepage", 10, "US", "web", Set.of("a", "b")), "v1"),
                CachedRecommendations.key(new dev.marquee.domain.funnel.RecommendationRequest("u", "homepage", 10, "US", "tv", Set.of("a")), "v1")))
                .doesNotContain(key).doesNotHaveDuplicates();
    }
}
