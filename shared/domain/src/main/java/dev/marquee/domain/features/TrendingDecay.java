package dev.marquee.domain.features;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponentially decayed counters that never need rewriting: a bump of weight w at time t is stored as
 * w * 2^((t - epochStart) / halfLife) and a read at {@code now} multiplies by 2^(-(now - epochStart) / halfLife).
 * Growth is bounded by starting a new epoch every {@link #HALF_LIVES_PER_EPOCH} half-lives (stored values stay
 * below 2^32 times the weight); a read adds the previous epoch, and anything older has decayed below 2^-32.
 */
public final class TrendingDecay {
    public static final int HALF_LIVES_PER_EPOCH = 32;

    private final double halfLifeMillis;
    private final long epochMillis;

    public TrendingDecay(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        this.halfLifeMillis = halfLife.toMillis();
        this.epochMillis = halfLife.toMillis() * HALF_LIVES_PER_EPOCH;
    }

    public long epochOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), epochMillis);
    }

    /** What to add to the stored score of {@code epochOf(at)} for a bump of {@code weight} at {@code at}. */
    public double storedIncrement(double weight, Instant at) {
        long sinceEpochStart = at.toEpochMilli() - epochOf(at) * epochMillis;
        return weight * Math.pow(2, sinceEpochStart / halfLifeMillis);
    }

    /** The factor that turns a stored score of {@code epoch} into its value decayed to {@code now}. */
    public double readFactor(long epoch, Instant now) {
        long sinceEpochStart = now.toEpochMilli() - epoch * epochMillis;
        return Math.pow(2, -sinceEpochStart / halfLifeMillis);
    }

    /** How long a stored epoch can still matter to a read: its own span plus the next one. */
    public Duration retention() {
        return Duration.ofMillis(2 * epochMillis + epochMillis / 8);
    }
}
