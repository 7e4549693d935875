package dev.marquee.domain.tracking;

import dev.marquee.domain.model.Attribution;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final byte[] SECRET = "a-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);
    private final TrackingTokens tokens = new TrackingTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));

    private String issue() {
        return tokens.issue(TrackingToken.of("treatment", "v42", "req-1", "u1", NOW.minusSeconds(60), List.of("i1", "i2", "i3")));
    }

    @Test
    void aTokenVerifiesAndTellsVariantModelRequestAndPosition() {
        TrackingTokens.Verified v = tokens.verify(issue(), "u1");

        assertThat(v.ok()).isTrue();
        Attribution a = v.token().attributionFor("i2");
        assertThat(a).isEqualTo(new Attribution("treatment", "v42", "req-1", NOW.minusSeconds(60), 2));
        assertThat(v.token().positionOf("not-shown")).isNull();
    }

    @Test
    void theTokenIsUrlSafeAndFitsTheEventField() {
        String t = tokens.issue(TrackingToken.of("a-long-variant-name", "20261121T120000Z-2", "123e4567-e89b-12d3-a456-426614174000",
                "user-with-a-long-id-0123456789", NOW, java.util.Collections.nCopies(100, "item")));

        assertThat(t).matches("[A-Za-z0-9_.-]+");
        assertThat(t.length()).isLessThanOrEqualTo(1024);
    }

    @Test
    void anAlteredPayloadIsRefused() {
        String t = issue();
        String payload = t.substring(0, t.indexOf('.'));
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        // "treatment" -> "treatmenX"
        bytes[10] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + t.substring(t.indexOf('.'));

        assertThat(tokens.verify(tampered, "u1").error()).contains("invalid signature");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        TrackingTokens forger = new TrackingTokens("another-secret-of-thirty-two-bytes-or-more".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
        String forged = forger.issue(TrackingToken.of("treatment", "v42", "req-1", "u1", NOW, List.of("i1")));

        assertThat(tokens.verify(forged, "u1").ok()).isFalse();
    }

    @Test
    void aTokenCitedByAnotherUserIsRefused() {
        assertThat(tokens.verify(issue(), "u2").error()).contains("another user");
    }

    @Test
    void anExpiredTokenIsRefused() {
        TrackingTokens later = new TrackingTokens(SECRET, Clock.fixed(NOW.plus(Duration.ofDays(31)), ZoneOffset.UTC), Duration.ofDays(30));

        assertThat(later.verify(issue(), "u1").error()).contains("expired");
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        assertThat(tokens.verify("tok", "u1").ok()).isFalse();
        assertThat(tokens.verify("a.b.c", "u1").ok()).isFalse();
        assertThat(tokens.verify("!!!.???", "u1").ok()).isFalse();
        assertThat(tokens.verify(".", "u1").ok()).isFalse();
    }

    @Test
    void theContentIsReadableWithoutTheSecretForOfflineAttribution() {
        TrackingToken t = TrackingTokens.read(issue());

        assertThat(t.variant()).isEqualTo("treatment");
        assertThat(t.positionOf("i3")).isEqualTo(3);
    }

    @Test
    void aReissuedTokenIsANewRequestIssuedNowForTheSameVariantModelAndPositions() {
        String again = tokens.reissue(issue(), "u1", "req-2").orElseThrow();

        TrackingToken t = tokens.verify(again, "u1").token();
        assertThat(again).isNotEqualTo(issue());
        assertThat(t.attributionFor("i3")).isEqualTo(new Attribution("treatment", "v42", "req-2", NOW, 3));
        assertThat(t.positionOf("i1")).isEqualTo(1);
    }

    @Test
    void aTokenThatDoesNotVerifyIsNotReissued() {
        assertThat(tokens.reissue(issue(), "u2", "req-2")).isEmpty();
        assertThat(tokens.reissue("tok", "u1", "req-2")).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new TrackingTokens(new byte[16], Clock.systemUTC(), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
