package dev.marquee.domain.experiment;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VariantAssignmentTest {
    private static final int USERS = 100_000;

    private static Map<String, Double> shares(Object... nameShare) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameShare.length; i += 2) {
            m.put((String) nameShare[i], ((Number) nameShare[i + 1]).doubleValue());
        }
        return m;
    }

    private static Map<String, Integer> count(VariantAssignment a) {
        Map<String, Integer> counts = new HashMap<>();
        for (int u = 0; u < USERS; u++) {
            counts.merge(a.assign("user-" + u), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aUserAlwaysGetsTheSameVariantEvenFromAnotherInstance() {
        VariantAssignment one = new VariantAssignment("exp-1", shares("control", 50, "treatment", 50));
        VariantAssignment other = new VariantAssignment("exp-1", shares("control", 50, "treatment", 50));

        for (int u = 0; u < 1000; u++) {
            String user = "u" + u;
            assertThat(one.assign(user)).isEqualTo(one.assign(user)).isEqualTo(other.assign(user));
        }
    }

    @Test
    void usersSplitByTheConfiguredSharesWithinHalfAPercentagePoint() {
        Map<String, Integer> counts = count(new VariantAssignment("exp-1", shares("a", 70, "b", 20, "c", 10)));

        assertThat(counts.get("a") / (double) USERS).isCloseTo(0.70, within(0.005));
        assertThat(counts.get("b") / (double) USERS).isCloseTo(0.20, within(0.005));
        assertThat(counts.get("c") / (double) USERS).isCloseTo(0.10, within(0.005));
    }

    @Test
    void sharesAreWeightsAndAZeroShareTakesNobody() {
        Map<String, Integer> counts = count(new VariantAssignment("s", shares("a", 1, "off", 0, "b", 1)));

        assertThat(counts).doesNotContainKey("off");
        assertThat(counts.get("a") / (double) USERS).isCloseTo(0.5, within(0.005));
    }

    @Test
    void aNewSaltReshufflesUsers() {
        VariantAssignment first = new VariantAssignment("exp-1", shares("a", 50, "b", 50));
        VariantAssignment second = new VariantAssignment("exp-2", shares("a", 50, "b", 50));
        int same = 0;
        for (int u = 0; u < 10_000; u++) {
            if (first.assign("u" + u).equals(second.assign("u" + u))) {
                same++;
            }
        }
        // independent assignments agree about half of the time
        assertThat(same / 10_000.0).isCloseTo(0.5, within(0.03));
    }

    @Test
    void rejectsSharesThatAssignNobody() {
        assertThatThrownBy(() -> new VariantAssignment("s", shares("a", 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VariantAssignment("s", shares("a", -1, "b", 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VariantAssignment("s", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
