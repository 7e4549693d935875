package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionMatrixTest {

    @Test
    void repeatedPairsAreSummedAndNetNegativePairsDropped() {
        InteractionMatrix m = new InteractionMatrix.Builder(2, 3)
                .add(0, 2, 1).add(0, 2, 2).add(0, 1, 1).add(0, 1, -4).add(1, 0, 0.5)
                .build();

        assertThat(m.itemsOf(0)).containsExactly(2);
        assertThat(m.userWeights[m.userStart[0]]).isEqualTo(3f);
        assertThat(m.itemsOf(1)).containsExactly(0);
        assertThat(m.nonZeros()).isEqualTo(2);
    }

    @Test
    void theItemViewIsTheTransposeOfTheUserView() {
        InteractionMatrix m = new InteractionMatrix.Builder(3, 2).add(0, 1, 1).add(2, 1, 2).add(1, 0, 3).build();

        assertThat(java.util.Arrays.copyOfRange(m.itemUsers, m.itemStart[1], m.itemStart[2])).containsExactly(0, 2);
        assertThat(java.util.Arrays.copyOfRange(m.itemWeights, m.itemStart[1], m.itemStart[2])).containsExactly(1f, 2f);
        assertThat(java.util.Arrays.copyOfRange(m.itemUsers, m.itemStart[0], m.itemStart[1])).containsExactly(1);
    }

    @Test
    void pairsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new InteractionMatrix.Builder(1, 1).add(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
