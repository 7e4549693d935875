package dev.marquee.domain.funnel;

import dev.marquee.domain.model.ScoredItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EmbeddingIndexTest {
    private static final int K = 8;
    private static final int N = 300;

    private final List<String> itemIds = new ArrayList<>();
    private final float[] itemRows = new float[N * K];
    private final EmbeddingIndex index;

    EmbeddingIndexTest() {
        Random r = new Random(7);
        for (int i = 0; i < N; i++) {
            itemIds.add("i" + i);
        }
        for (int i = 0; i < itemRows.length; i++) {
            itemRows[i] = (float) r.nextGaussian();
        }
        float[] user = new float[K];
        for (int d = 0; d < K; d++) {
            user[d] = (float) r.nextGaussian();
        }
        index = new EmbeddingIndex(K, itemIds, itemRows, List.of("u1"), user);
    }

    private double dot(float[] q, int row) {
        double s = 0;
        for (int d = 0; d < K; d++) {
            s += q[d] * itemRows[row * K + d];
        }
        return s;
    }

    @Test
    void topKIsExactlyTheBruteForceTopKBestFirst() {
        float[] q = index.user("u1");
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rows.add(i);
        }
        rows.sort(Comparator.comparingDouble((Integer i) -> dot(q, i)).reversed());

        List<ScoredItem> top = index.top(q, 20, Set.of());

        assertThat(top).extracting(ScoredItem::itemId).containsExactlyElementsOf(rows.subList(0, 20).stream().map(i -> "i" + i).toList());
        assertThat(top.getFirst().score()).isCloseTo(dot(q, rows.getFirst()), within(1e-4));
    }

    @Test
    void skippedItemsAreLeftOutAndTheNextOnesTakeTheirPlace() {
        float[] q = index.user("u1");
        List<ScoredItem> full = index.top(q, 5, Set.of());

        List<ScoredItem> skipping = index.top(q, 4, Set.of(full.get(0).itemId(), full.get(2).itemId()));

        assertThat(skipping).extracting(ScoredItem::itemId).startsWith(full.get(1).itemId(), full.get(3).itemId(), full.get(4).itemId());
    }

    @Test
    void foldingInIsTheMeanOfTheKnownItemsVectors() {
        float[] mean = index.meanOf(List.of("i0", "i1", "unknown"));

        for (int d = 0; d < K; d++) {
            assertThat(mean[d]).isCloseTo((itemRows[d] + itemRows[K + d]) / 2, within(1e-6f));
        }
        assertThat(index.meanOf(List.of("unknown"))).isNull();
        assertThat(index.user("stranger")).isNull();
    }

    @Test
    void sizesMustMatch() {
        assertThatThrownBy(() -> new EmbeddingIndex(K, List.of("a"), new float[K + 1], List.of(), new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
