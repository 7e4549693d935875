package dev.marquee.testing.contract;

import dev.marquee.domain.port.ResponseCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ResponseCache} must do. Subclasses return a fresh cache. */
public abstract class ResponseCacheContract {
    protected ResponseCache cache;
    private String user;

    protected abstract ResponseCache newCache();

    @BeforeEach
    void createCache() {
        cache = newCache();
        user = Fixtures.unique("user");
    }

    @Test
    void cachedResponseIsReturnedForTheSameUserAndKey() {
        cache.put(user, "homepage:25", "{\"items\":[]}", Duration.ofMinutes(1));

        assertThat(cache.get(user, "homepage:25")).contains("{\"items\":[]}");
        assertThat(cache.get(user, "up_next:25")).isEmpty();
        assertThat(cache.get(Fixtures.unique("other"), "homepage:25")).isEmpty();
    }

    @Test
    void invalidateDropsEveryEntryOfTheUserOnly() {
        String other = Fixtures.unique("other");
        cache.put(user, "a", "1", Duration.ofMinutes(1));
        cache.put(user, "b", "2", Duration.ofMinutes(1));
        cache.put(other, "a", "3", Duration.ofMinutes(1));

        cache.invalidate(user);

        assertThat(cache.get(user, "a")).isEmpty();
        assertThat(cache.get(user, "b")).isEmpty();
        assertThat(cache.get(other, "a")).contains("3");
    }

    @Test
    void invalidatingManyUsersAtOnceDropsEachOfThemAndNobodyElse() {
        java.util.List<String> users = java.util.stream.IntStream.range(0, 300).mapToObj(i -> Fixtures.unique("bulk")).toList();
        String bystander = Fixtures.unique("bystander");
        users.forEach(u -> cache.put(u, "homepage", "{}", Duration.ofMinutes(1)));
        cache.put(bystander, "homepage", "{}", Duration.ofMinutes(1));

        cache.invalidateAll(users);
        cache.invalidateAll(java.util.List.of());

        assertThat(users).allSatisfy(u -> assertThat(cache.get(u, "homepage")).isEmpty());
        assertThat(cache.get(bystander, "homepage")).contains("{}");
    }

    @Test
    void entriesExpireAfterTheirTtl() throws InterruptedException {
        cache.put(user, "a", "1", Duration.ofMillis(1100));
        assertThat(cache.get(user, "a")).contains("1");

        Thread.sleep(2100);

        assertThat(cache.get(user, "a")).isEmpty();
    }
}
