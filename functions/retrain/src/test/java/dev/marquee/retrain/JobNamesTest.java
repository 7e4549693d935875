package dev.marquee.retrain;

import dev.marquee.domain.retrain.TrainingJobSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JobNamesTest {
    private static final Instant TICK = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void everyDeliveryOfOneTickNamesTheSameJobAndVersion() {
        assertThat(JobNames.trainingJob("marquee-dev-", TICK)).isEqualTo(JobNames.trainingJob("marquee-dev-", Instant.parse("2026-11-22T03:00:00.000Z")))
                .isEqualTo("marquee-dev-refresh-20261122t030000z");
        assertThat(JobNames.modelVersion(TICK)).isEqualTo("20261122T030000Z");
    }

    @Test
    void anotherTickNamesAnotherJob() {
        assertThat(JobNames.trainingJob("marquee-dev-", TICK.plusSeconds(86_400))).isEqualTo("marquee-dev-refresh-20261123t030000z");
        assertThat(JobNames.trainingJob("marquee-prod-", TICK)).isNotEqualTo(JobNames.trainingJob("marquee-dev-", TICK));
    }

    @Test
    void theVersionHasTheTrainingJobsFormatAndIgnoresSubSeconds() {
        assertThat(JobNames.modelVersion(Instant.parse("2026-11-22T03:00:00.987Z"))).isEqualTo("20261122T030000Z");
    }

    @Test
    void theLongestStageStillGivesAValidSageMakerName() {
        String name = JobNames.trainingJob("marquee-" + "s".repeat(16) + "-", TICK);
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches(TrainingJobSpec.NAME);
    }
}
