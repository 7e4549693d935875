package dev.marquee.testing.contract;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.CandidateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link CandidateStore} must do. Subclasses return a fresh, empty store. */
public abstract class CandidateStoreContract {
    protected CandidateStore store;

    protected abstract CandidateStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    private static List<Candidate> ranked(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> new Candidate(prefix + i, 1.0 - i / 1000.0, "cf")).toList();
    }

    @Test
    void listsReadBackInOrderWithScoresAndSources() {
        List<Candidate> list = List.of(new Candidate("i3", 0.9, "cf"), new Candidate("i1", 0.5, "cooc"));
        store.putAll("v1", CandidateKind.USER, Map.of("u1", list));

        assertThat(store.get("v1", CandidateKind.USER, "u1")).containsExactlyElementsOf(list);
    }

    @Test
    void fiveHundredCandidatesForOneKeyRoundTrip() {
        List<Candidate> big = ranked("item-with-a-longish-id-", 500);
        store.putAll("v1", CandidateKind.USER, Map.of("u1", big));

        assertThat(store.get("v1", CandidateKind.USER, "u1")).containsExactlyElementsOf(big);
    }

    @Test
    void versionsAndKindsAreIsolated() {
        store.putAll("v1", CandidateKind.SIMILAR, Map.of("i1", ranked("a", 3)));
        store.putAll("v2", CandidateKind.SIMILAR, Map.of("i1", ranked("b", 2)));

        assertThat(store.get("v1", CandidateKind.SIMILAR, "i1")).extracting(Candidate::itemId).containsExactly("a0", "a1", "a2");
        assertThat(store.get("v2", CandidateKind.SIMILAR, "i1")).extracting(Candidate::itemId).containsExactly("b0", "b1");
        assertThat(store.get("v1", CandidateKind.USER, "i1")).isEmpty();
    }

    @Test
    void bulkWriteOfManyKeysStoresEveryList() {
        Map<String, List<Candidate>> lists = new LinkedHashMap<>();
        for (int u = 0; u < 120; u++) {
            lists.put("user-" + u, ranked("u" + u + "-", 5));
        }
        store.putAll("v1", CandidateKind.USER, lists);

        assertThat(store.get("v1", CandidateKind.USER, "user-0")).hasSize(5);
        assertThat(store.get("v1", CandidateKind.USER, "user-119")).extracting(Candidate::itemId).startsWith("u119-0");
    }

    @Test
    void rewritingAKeyReplacesItsList() {
        store.putAll("v1", CandidateKind.SEGMENT, Map.of("US|tv", ranked("x", 4)));
        store.putAll("v1", CandidateKind.SEGMENT, Map.of("US|tv", ranked("y", 1)));

        assertThat(store.get("v1", CandidateKind.SEGMENT, "US|tv")).extracting(Candidate::itemId).containsExactly("y0");
    }

    @Test
    void deleteVersionRemovesOnlyThatVersion() {
        store.putAll("v1", CandidateKind.USER, Map.of("u1", ranked("a", 2)));
        store.putAll("v2", CandidateKind.USER, Map.of("u1", ranked("b", 2)));

        store.deleteVersion("v1");

        assertThat(store.get("v1", CandidateKind.USER, "u1")).isEmpty();
        assertThat(store.get("v2", CandidateKind.USER, "u1")).hasSize(2);
    }

    @Test
    void manyListsReadAtOnceMapEveryKeyToItsListOrNothing() {
        Map<String, List<Candidate>> lists = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            lists.put("item-" + i, ranked("n" + i + "-", 3));
        }
        store.putAll("v1", CandidateKind.SIMILAR, lists);
        store.putAll("v1", CandidateKind.USER, Map.of("item-1", ranked("other-kind", 1)));
        List<String> keys = new java.util.ArrayList<>(lists.keySet());
        keys.add("unknown");

        Map<String, List<Candidate>> read = store.getAll("v1", CandidateKind.SIMILAR, keys);

        assertThat(read).hasSize(151).containsEntry("unknown", List.of());
        assertThat(read.get("item-1")).extracting(Candidate::itemId).containsExactly("n1-0", "n1-1", "n1-2");
        assertThat(read.get("item-149")).containsExactlyElementsOf(lists.get("item-149"));
        assertThat(store.getAll("v2", CandidateKind.SIMILAR, List.of("item-1"))).containsEntry("item-1", List.of());
    }

    @Test
    void unknownKeyIsEmpty() {
        assertThat(store.get("v1", CandidateKind.USER, "nobody")).isEmpty();
    }
}
