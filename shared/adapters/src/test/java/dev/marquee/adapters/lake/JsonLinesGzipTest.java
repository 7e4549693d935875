package dev.marquee.adapters.lake;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesGzipTest {
    private final EventCodec codec = new EventCodec();
    private final JsonLinesGzip format = new JsonLinesGzip(codec);

    @Test
    void writesOneEncodedEventPerLineAndReadsThemBack() throws IOException {
        List<InteractionEvent> events = List.of(
                new InteractionEvent("ev1", "u1", "i1", EventType.RATE, Instant.parse("2026-06-01T12:00:00.123Z"), 42.5, 4.0, "tok\"en",
                        new EventContext("tv", "DE", "s-1", "homepage")),
                new InteractionEvent("ev2", "u2", "i2", EventType.PLAY, Instant.parse("2026-06-01T12:00:01Z"), null, null, null,
                        EventContext.EMPTY),
                new InteractionEvent("ev3", "ü3", "i3", EventType.SKIP, Instant.parse("2026-06-01T12:00:02Z"), null, null, null,
                        new EventContext(null, "JP", null, null)));

        byte[] gz = format.write(events);

        String text = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(events.stream().map(e -> codec.encode(e) + "\n").reduce("", String::concat));
        List<InteractionEvent> read = new ArrayList<>();
        format.read(new ByteArrayInputStream(gz), read::add);
        assertThat(read).isEqualTo(events);
    }

    @Test
    void anEmptyBatchIsAnEmptyFile() throws IOException {
        byte[] gz = format.write(List.of());

        assertThat(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes()).isEmpty();
    }
}
