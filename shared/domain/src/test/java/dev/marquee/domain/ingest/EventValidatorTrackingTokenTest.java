package dev.marquee.domain.ingest;

import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.tracking.TrackingToken;
import dev.marquee.domain.tracking.TrackingTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/events cites the tracking token of the recommendation it answers: verified, and attributed. */
class EventValidatorTrackingTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TrackingTokens tokens = new TrackingTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            clock, Duration.ofDays(30));
    private final EventValidator validator = EventValidator.standard(clock).withTrackingTokens(tokens);
    private final String token = tokens.issue(TrackingToken.of("b", "v1", "r1", "u1", NOW, List.of("i7", "i8")));

    private static RawEvent event(String user, String item, String token) {
        return new RawEvent("e1", user, item, "play", null, null, null, token, null);
    }

    @Test
    void aValidTokenAttributesTheEventToVariantAndPosition() {
        EventValidator.Result r = validator.validate(event("u1", "i8", token));

        assertThat(r.valid()).isTrue();
        InteractionEvent e = r.event();
        assertThat(e.trackingToken()).isEqualTo(token);
        assertThat(e.attribution().variant()).isEqualTo("b");
        assertThat(e.attribution().modelVersion()).isEqualTo("v1");
        assertThat(e.attribution().position()).isEqualTo(2);
    }

    @Test
    void aTamperedTokenIsAnErrorOnTheTrackingTokenField() {
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        EventValidator.Result r = validator.validate(event("u1", "i8", tampered));

        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("tracking_token");
            assertThat(e.reason()).contains("signature");
        });
    }

    @Test
    void anotherUsersTokenIsRefused() {
        assertThat(validator.validate(event("u2", "i8", token)).errors())
                .extracting(FieldError::field).containsExactly("tracking_token");
    }

    @Test
    void withoutAVerifierTokensPassAsOpaqueText() {
        EventValidator.Result r = EventValidator.standard(clock).validate(event("u1", "i8", "anything"));

        assertThat(r.valid()).isTrue();
        assertThat(r.event().attribution()).isNull();
    }
}
