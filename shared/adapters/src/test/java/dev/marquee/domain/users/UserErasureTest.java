package dev.marquee.domain.users;

import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryResponseCache;
import dev.marquee.adapters.embedded.InMemoryUserProfiles;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Erasing a user: recorded first, then everything erased; outages leave a retryable, recorded deletion. */
class UserErasureTest {
    private static final Instant NOW = Instant.parse("2026-11-21T19:45:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryUserProfiles profiles = new InMemoryUserProfiles();
    private final InMemoryFeatureStore features = new InMemoryFeatureStore(Duration.ofHours(6), clock);
    private final InMemoryResponseCache cache = new InMemoryResponseCache(clock);
    private final RecordingLog log = new RecordingLog();

    /** A deletion log in memory; {@code down} makes it refuse, as a lake outage would. */
    static final class RecordingLog implements DeletionLog {
        final Map<String, Instant> recorded = new HashMap<>();
        boolean down;

        @Override
        public void record(String userId, Instant at) {
            if (down) {
                throw new StoreUnavailableException("s3", "connection refused", null);
            }
            recorded.put(userId, at);
        }

        @Override
        public Map<String, Instant> deletedSince(Instant since) {
            return Map.copyOf(recorded);
        }
    }

    private void knownUser(String userId) {
        profiles.put(UserProfile.anonymous(userId));
        features.addRecent(userId, new RecentInteraction("i1", EventType.PLAY, NOW), 10);
        features.markSeen(userId, "i1");
        cache.put(userId, "homepage", "{}", Duration.ofMinutes(5));
    }

    @Test
    void recordsTheDeletionThenErasesProfileFeaturesAndCache() {
        knownUser("u1");

        UserErasure.Outcome out = new UserErasure(log, profiles, features, cache, clock).erase("u1");

        assertThat(out.complete()).isTrue();
        assertThat(out.profileExisted()).isTrue();
        assertThat(log.recorded).containsEntry("u1", NOW);
        assertThat(profiles.get("u1")).isEmpty();
        assertThat(features.recent("u1", 10)).isEmpty();
        assertThat(features.seen("u1")).isEmpty();
        assertThat(cache.get("u1", "homepage")).isEmpty();
    }

    @Test
    void anUnknownUserIsStillRecorded() {
        UserErasure.Outcome out = new UserErasure(log, profiles, features, cache, clock).erase("ghost");

        assertThat(out.complete()).isTrue();
        assertThat(out.profileExisted()).isFalse();
        assertThat(log.recorded).containsKey("ghost");
    }

    @Test
    void whenTheDeletionCannotBeRecordedNothingIsErased() {
        knownUser("u1");
        log.down = true;

        assertThatThrownBy(() -> new UserErasure(log, profiles, features, cache, clock).erase("u1"))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(profiles.get("u1")).isPresent();
        assertThat(cache.get("u1", "homepage")).isPresent();
    }

    @Test
    void aCacheOutageIsReportedAfterEverythingElseIsErased() {
        knownUser("u1");
        ResponseCache down = new ResponseCache() {
            @Override public Optional<String> get(String userId, String requestKey) { throw outage(); }
            @Override public void put(String userId, String requestKey, String response, Duration ttl) { throw outage(); }
            @Override public void invalidate(String userId) { throw outage(); }

            private StoreUnavailableException outage() {
                return new StoreUnavailableException("cache", "connection refused", null);
            }
        };

        UserErasure.Outcome out = new UserErasure(log, profiles, features, down, clock).erase("u1");

        assertThat(out.complete()).isFalse();
        assertThat(out.failures()).extracting(StoreUnavailableException::store).containsExactly("cache");
        assertThat(log.recorded).containsKey("u1");
        assertThat(profiles.get("u1")).isEmpty();
        assertThat(features.seen("u1")).isEmpty();
    }
}
