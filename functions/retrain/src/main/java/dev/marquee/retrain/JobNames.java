package dev.marquee.retrain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Names derived from the schedule tick, never from the clock of the invocation: every delivery of one tick (a retry,
 * a duplicate) names the same job and the same model version, so SageMaker's unique job names make starting
 * idempotent.
 */
public final class JobNames {
    /** The model version format of the embedding-refresh job: {@code 20261122T030000Z}. */
    static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JobNames() {
    }

    /** The model version a tick trains: its time in UTC, to the second. */
    public static String modelVersion(Instant tick) {
        return VERSION.format(tick.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * {@code <prefix>refresh-<version>} in lower case ({@code marquee-dev-refresh-20261122t030000z}): SageMaker
     * lower-cases job ARNs, and the IAM policy matches them by prefix.
     */
    public static String trainingJob(String prefix, Instant tick) {
        return (prefix + "refresh-" + modelVersion(tick)).toLowerCase(Locale.ROOT);
    }
}
