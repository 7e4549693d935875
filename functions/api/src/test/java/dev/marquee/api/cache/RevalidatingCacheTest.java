package dev.marquee.api.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class RevalidatingCacheTest {
    private final SettableClock clock = new SettableClock();
    /** The store behind the cache, and every reload it was asked for. */
    private final Map<String, String> store = new HashMap<>();
    private final List<List<String>> reloads = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private boolean storeDown;
    /** Background work waits here until the test runs it, so what a request sees before the reload is visible. */
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final RevalidatingCache<String, String> cache = new RevalidatingCache<>(clock, Duration.ofSeconds(60),
            Duration.ofMinutes(10), 1000, this::reload, background::add, failures::add);

    private Map<String, String> reload(List<String> keys) {
        reloads.add(List.copyOf(keys));
        if (storeDown) {
            throw new IllegalStateException("store down");
        }
        Map<String, String> out = new HashMap<>();
        keys.forEach(k -> out.put(k, store.getOrDefault(k, "absent")));
        return out;
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void aFreshEntryIsServedWithoutTouchingTheStore() {
        cache.put("a", "v1");
        clock.advance(Duration.ofSeconds(59));

        assertThat(cache.get("a")).isEqualTo("v1");
        assertThat(background).isEmpty();
    }

    @Test
    void aStaleEntryIsServedAtOnceAndReplacedByABackgroundReload() {
        cache.put("a", "v1");
        store.put("a", "v2");
        clock.advance(Duration.ofSeconds(61));

        assertThat(cache.get("a")).isEqualTo("v1");
        assertThat(reloads).isEmpty();
        runBackground();
        assertThat(cache.get("a")).isEqualTo("v2");
        assertThat(reloads).containsExactly(List.of("a"));
    }

    @Test
    void staleKeysAreReloadedTogetherAndOnlyOnce() {
        for (String k : List.of("a", "b", "c")) {
            cache.put(k, "old");
            store.put(k, "new");
        }
        clock.advance(Duration.ofSeconds(61));

        for (int i = 0; i < 3; i++) {
            cache.get("a");
            cache.get("b");
            cache.get("c");
        }
        runBackground();

        assertThat(reloads).hasSize(1);
        assertThat(reloads.getFirst()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void anEntryStalePastTheLimitMustBeReadOnTheRequestPath() {
        cache.put("a", "v1");
        clock.advance(Duration.ofSeconds(60).plus(Duration.ofMinutes(10)));

        assertThat(cache.get("a")).isNull();
    }

    @Test
    void aFailedReloadKeepsServingTheStaleEntryAndPausesBeforeTryingAgain() {
        cache.put("a", "v1");
        storeDown = true;
        clock.advance(Duration.ofSeconds(61));

        cache.get("a");
        runBackground();
        assertThat(failures).hasSize(1);
        assertThat(cache.get("a")).isEqualTo("v1");
        runBackground();
        assertThat(reloads).hasSize(1);

        storeDown = false;
        store.put("a", "v2");
        clock.advance(Duration.ofSeconds(2));
        cache.get("a");
        runBackground();
        assertThat(cache.get("a")).isEqualTo("v2");
    }

    @Test
    void aWriteThroughThisInstanceWinsOverAReloadAlreadyUnderWay() {
        cache.put("a", "v1");
        store.put("a", "read before the write");
        clock.advance(Duration.ofSeconds(61));
        cache.get("a");

        cache.put("a", "written here");
        runBackground();

        assertThat(cache.get("a")).isEqualTo("written here");
    }

    @Test
    void manyStaleKeysAreReloadedInBoundedBatches() {
        int keys = RevalidatingCache.RELOAD_BATCH * 2 + 5;
        for (int i = 0; i < keys; i++) {
            cache.put("k" + i, "old");
        }
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < keys; i++) {
            cache.get("k" + i);
        }
        runBackground();

        assertThat(reloads).extracting(List::size)
                .containsExactly(RevalidatingCache.RELOAD_BATCH, RevalidatingCache.RELOAD_BATCH, 5);
        assertThat(cache.get("k0")).isEqualTo("absent");
    }
}
