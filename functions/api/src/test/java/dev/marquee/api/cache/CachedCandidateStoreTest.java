package dev.marquee.api.cache;

import dev.marquee.adapters.embedded.InMemoryCandidateStore;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCandidateStoreTest {
    private final InMemoryCandidateStore store = new InMemoryCandidateStore();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final CachedCandidateStore cached = new CachedCandidateStore(new dev.marquee.domain.port.CandidateStore() {
        @Override
        public void putAll(String version, CandidateKind kind, Map<String, List<Candidate>> lists) {
            store.putAll(version, kind, lists);
        }

        @Override
        public List<Candidate> get(String version, CandidateKind kind, String key) {
            if (down.get()) {
                throw new StoreUnavailableException("candidates", "down", null);
            }
            reads.incrementAndGet();
            return store.get(version, kind, key);
        }

        @Override
        public void deleteVersion(String version) {
            store.deleteVersion(version);
        }
    }, 2);

    private static List<Candidate> list(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new Candidate(id, 1, "s")).toList();
    }

    @Test
    void aListIsReadOncePerVersionAndServedFromMemoryDuringAnOutage() {
        store.putAll("v1", CandidateKind.SIMILAR, Map.of("a", list("b")));
        cached.get("v1", CandidateKind.SIMILAR, "a");
        down.set(true);

        assertThat(cached.get("v1", CandidateKind.SIMILAR, "a")).extracting(Candidate::itemId).containsExactly("b");
        assertThat(reads).hasValue(1);
        assertThatThrownBy(() -> cached.get("v2", CandidateKind.SIMILAR, "a")).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void manyListsAtOnceReadOnlyThoseNotHeld() {
        store.putAll("v1", CandidateKind.SIMILAR, Map.of("a", list("x"), "b", list("y", "z")));
        cached.get("v1", CandidateKind.SIMILAR, "a");

        Map<String, List<Candidate>> both = cached.getAll("v1", CandidateKind.SIMILAR, List.of("a", "b"));
        Map<String, List<Candidate>> again = cached.getAll("v1", CandidateKind.SIMILAR, List.of("b", "a"));

        assertThat(both.get("a")).extracting(Candidate::itemId).containsExactly("x");
        assertThat(both.get("b")).extracting(Candidate::itemId).containsExactly("y", "z");
        assertThat(again).isEqualTo(both);
        assertThat(reads).hasValue(2);
    }

    @Test
    void rewritingAKeyOrDeletingAVersionDropsWhatWasHeld() {
        store.putAll("v1", CandidateKind.USER, Map.of("u", list("x")));
        cached.get("v1", CandidateKind.USER, "u");

        cached.putAll("v1", CandidateKind.USER, Map.of("u", list("y")));
        assertThat(cached.get("v1", CandidateKind.USER, "u")).extracting(Candidate::itemId).containsExactly("y");

        cached.deleteVersion("v1");
        assertThat(cached.get("v1", CandidateKind.USER, "u")).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedListLeavesWhenFull() {
        store.putAll("v1", CandidateKind.SIMILAR, Map.of("a", list("1"), "b", list("2"), "c", list("3")));
        cached.get("v1", CandidateKind.SIMILAR, "a");
        cached.get("v1", CandidateKind.SIMILAR, "b");
        cached.get("v1", CandidateKind.SIMILAR, "a");
        cached.get("v1", CandidateKind.SIMILAR, "c"); // capacity 2: b leaves
        reads.set(0);

        cached.get("v1", CandidateKind.SIMILAR, "a");
        cached.get("v1", CandidateKind.SIMILAR, "b");

        assertThat(reads).hasValue(1);
    }
}
