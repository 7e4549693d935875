package dev.marquee.domain.publish;

import dev.marquee.domain.model.ModelVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishGateTest {
    private static Optional<ModelVersion> active(double ndcg) {
        return Optional.of(new ModelVersion("v1", Instant.EPOCH, Map.of("ndcg@10", ndcg)));
    }

    private static Map<String, Double> bundle(double ndcg) {
        return Map.of("ndcg@10", ndcg);
    }

    @Test
    void acceptsAnythingWithAMetricWhenNothingIsActive() {
        assertThat(PublishGate.absolute(0.02).check(bundle(0.01), Optional.empty()).accepted()).isTrue();
    }

    @Test
    void absoluteMarginRefusesOnlyBelowActiveMinusMargin() {
        PublishGate gate = PublishGate.absolute(0.02);
        assertThat(gate.check(bundle(0.35), active(0.33)).accepted()).isTrue();
        assertThat(gate.check(bundle(0.315), active(0.33)).accepted()).isTrue();
        PublishGate.Decision refused = gate.check(bundle(0.30), active(0.33));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.reason()).contains("below the gate", "0.3000", "0.3300", "v1");
    }

    @Test
    void relativeMarginIsAFractionOfTheActiveValue() {
        PublishGate gate = PublishGate.relative(0.10);
        assertThat(gate.check(bundle(0.28), active(0.30)).accepted()).isTrue();
        assertThat(gate.check(bundle(0.26), active(0.30)).accepted()).isFalse();
    }

    @Test
    void zeroMarginRefusesAnyRegression() {
        assertThat(PublishGate.absolute(0).check(bundle(0.3299), active(0.33)).accepted()).isFalse();
        assertThat(PublishGate.absolute(0).check(bundle(0.33), active(0.33)).accepted()).isTrue();
    }

    @Test
    void aBundleWithoutTheMetricIsRefusedAndAnActiveWithoutItAccepts() {
        assertThat(PublishGate.absolute(0.02).check(Map.of("recall@20", 0.5), Optional.empty()).accepted()).isFalse();
        assertThat(PublishGate.absolute(0.02).check(Map.of("ndcg@10", Double.NaN), Optional.empty()).accepted()).isFalse();
        Optional<ModelVersion> bare = Optional.of(new ModelVersion("v0", Instant.EPOCH, Map.of()));
        assertThat(PublishGate.absolute(0.02).check(bundle(0.1), bare).accepted()).isTrue();
    }

    @Test
    void rejectsNonsenseMargins() {
        assertThatThrownBy(() -> PublishGate.absolute(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishGate.absolute(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishGate.relative(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
