package dev.marquee.domain.training;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedBootstrapTest {

    @Test
    void oneUsersHitAmongHundredsIsNotADifference() {
        double[] a = new double[600];
        double[] b = new double[600];
        for (int i = 0; i < 600; i += 10) {
            a[i] = 1;
            b[i] = 1;
        }
        a[1] = 1;

        PairedBootstrap.Interval ci = PairedBootstrap.meanDifference(a, b, 2000, 7);

        assertThat(ci.meanDifference()).isCloseTo(1.0 / 600, within(1e-12));
        assertThat(ci.low()).isLessThanOrEqualTo(0);
        assertThat(ci.significant()).isFalse();
    }

    @Test
    void aModelThatHitsForManyMoreUsersIsSignificantlyBetter() {
        double[] a = new double[400];
        double[] b = new double[400];
        Arrays.fill(a, 0, 200, 0.5);
        Arrays.fill(b, 0, 100, 0.5);

        PairedBootstrap.Interval ci = PairedBootstrap.meanDifference(a, b, 2000, 7);

        assertThat(ci.meanDifference()).isCloseTo(0.125, within(1e-12));
        assertThat(ci.low()).isGreaterThan(0.08);
        assertThat(ci.high()).isLessThan(0.17);
        assertThat(ci.significant()).isTrue();
        assertThat(PairedBootstrap.meanDifference(b, a, 2000, 7).significant()).isTrue();
    }
}
