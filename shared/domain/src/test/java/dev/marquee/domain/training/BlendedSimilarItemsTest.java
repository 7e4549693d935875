package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlendedSimilarItemsTest {
    private static final Ranked FIRST = new Ranked(new int[]{1, 2, 3}, new float[]{0.9f, 0.8f, 0.7f});
    private static final Ranked SECOND = new Ranked(new int[]{3, 4}, new float[]{0.3f, 0.2f});

    @Test
    void anItemInBothListsRisesAboveOneAtTheTopOfOnlyOne() {
        Ranked blended = new BlendedSimilarItems(0.5).blend(new Ranked[]{FIRST}, new Ranked[]{SECOND}, 10)[0];

        // 3: 0.5/62 + 0.5/60; 1: 0.5/60; 2 and 4 tie at 0.5/61 (lower index first)
        assertThat(blended.items()).containsExactly(3, 1, 2, 4);
    }

    @Test
    void fullWeightOnOneListGivesThatListBackAndTopNCuts() {
        assertThat(new BlendedSimilarItems(1).blend(new Ranked[]{FIRST}, new Ranked[]{SECOND}, 10)[0].items())
                .containsExactly(1, 2, 3);
        assertThat(new BlendedSimilarItems(0).blend(new Ranked[]{FIRST}, new Ranked[]{SECOND}, 1)[0].items())
                .containsExactly(3);
    }

    @Test
    void aWeightOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new BlendedSimilarItems(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
