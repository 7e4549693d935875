package dev.marquee.domain.retrain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingJobSpecTest {

    private static TrainingJobSpec spec(String name, boolean spot, Duration maxWait) {
        return new TrainingJobSpec(name, "img", "role", Map.of("events", "s3://b/events/"), "s3://b/models/_jobs/",
                "ml.g5.xlarge", 1, 50, Duration.ofHours(4), spot, maxWait, null, Map.of(), null);
    }

    @Test
    void aNameSageMakerWouldRejectIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> spec("marquee_dev", false, null)).hasMessageContaining("training job name must match");
        assertThatThrownBy(() -> spec("-marquee", false, null)).hasMessageContaining("training job name must match");
        assertThatThrownBy(() -> spec("m".repeat(64), false, null)).hasMessageContaining("at most 63 characters");
        assertThat(spec("m".repeat(63), false, null).name()).hasSize(63);
    }

    @Test
    void aSpotJobMustBeAllowedToWaitAtLeastAsLongAsItRuns() {
        assertThatThrownBy(() -> spec("j", true, null)).hasMessageContaining("maxWait >= maxRuntime");
        assertThatThrownBy(() -> spec("j", true, Duration.ofHours(3))).hasMessageContaining("maxWait >= maxRuntime");
        assertThat(spec("j", true, Duration.ofHours(4)).maxWait()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void anOnDemandJobCarriesNoWait() {
        assertThat(spec("j", false, Duration.ofHours(8)).maxWait()).isNull();
    }
}
