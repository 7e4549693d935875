package dev.marquee.api.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.domain.model.Attribution;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionMetricsTest {
    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

    private static InteractionEvent event(EventType type, String variant, Integer position) {
        InteractionEvent e = InteractionEvent.of("ev-" + type + variant + position, "u1", "i1", type, AT);
        return variant == null ? e : e.withAttribution(new Attribution(variant, "v1", "req-1", AT, position));
    }

    @Test
    void eventsAreCountedInOneLinePerVariantEventTypeAndPosition() {
        RecordedEmf emf = new RecordedEmf();
        AttributionMetrics metrics = new AttributionMetrics();
        metrics.emf = emf;

        metrics.accepted(List.of(event(EventType.CLICK, "b", 3), event(EventType.CLICK, "b", 3), event(EventType.PLAY, "a", 7),
                event(EventType.CLICK, null, null)));

        List<JsonNode> lines = emf.with(AttributionMetrics.METRIC);
        assertThat(lines).hasSize(2);
        JsonNode clicks = lines.get(0);
        assertThat(clicks.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").get(0))
                .extracting(JsonNode::asText).containsExactly("Function", "Variant", "EventType", "Position");
        assertThat(clicks.get("Function").asText()).isEqualTo("api");
        assertThat(clicks.get("Variant").asText()).isEqualTo("b");
        assertThat(clicks.get("EventType").asText()).isEqualTo("click");
        assertThat(clicks.get("Position").asText()).isEqualTo("3");
        assertThat(clicks.get(AttributionMetrics.METRIC).asDouble()).isEqualTo(2.0);
        assertThat(lines.get(1).get("Position").asText()).isEqualTo("6-10");
        assertThat(lines.get(1).get("Variant").asText()).isEqualTo("a");
    }

    @Test
    void eventsWithoutATokenEmitNothing() {
        RecordedEmf emf = new RecordedEmf();
        AttributionMetrics metrics = new AttributionMetrics();
        metrics.emf = emf;

        metrics.accepted(List.of(event(EventType.CLICK, null, null)));

        assertThat(emf.with(AttributionMetrics.METRIC)).isEmpty();
    }

    @ParameterizedTest(name = "position {0} -> {1}")
    @CsvSource({"1, 1", "5, 5", "6, 6-10", "10, 6-10", "11, 11-25", "25, 11-25", "26, 26+", "100, 26+", ", none"})
    void positionsFallIntoAFewBuckets(Integer position, String bucket) {
        assertThat(AttributionMetrics.bucket(position)).isEqualTo(bucket);
    }
}
