package dev.marquee.api.cache;

import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.domain.model.Item;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CachedItemCatalogTest {
    private final InMemoryItemCatalog behind = new InMemoryItemCatalog();
    private Instant now = Instant.parse("2026-11-21T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final CachedItemCatalog cached = new CachedItemCatalog(behind, clock, Duration.ofSeconds(60), 100);

    private static Item item(String id, String title) {
        return new Item(id, title, List.of(), List.of(), null, null, Set.of(), Map.of());
    }

    @Test
    void aChangeMadeElsewhereShowsOnceTheTtlIsOver() {
        behind.put(item("a", "old"));
        assertThat(cached.getAll(List.of("a", "missing"))).containsOnlyKeys("a");

        behind.put(item("a", "new"));
        behind.put(item("missing", "now here"));
        now = now.plusSeconds(59);
        assertThat(cached.get("a").orElseThrow().title()).isEqualTo("old");
        assertThat(cached.get("missing")).isEmpty();

        now = now.plusSeconds(1);
        assertThat(cached.get("a").orElseThrow().title()).isEqualTo("new");
        assertThat(cached.getAll(List.of("missing"))).containsOnlyKeys("missing");
    }

    @Test
    void aWriteThroughThisInstanceShowsAtOnce() {
        cached.put(item("a", "v1"));
        cached.get("a");

        cached.put(item("a", "v2"));
        assertThat(cached.get("a").orElseThrow().title()).isEqualTo("v2");

        cached.delete("a");
        assertThat(cached.get("a")).isEmpty();
    }
}
