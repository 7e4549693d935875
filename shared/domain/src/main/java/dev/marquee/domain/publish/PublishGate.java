package dev.marquee.domain.publish;

import dev.marquee.domain.model.ModelVersion;

import java.util.Map;
import java.util.Optional;

/**
 * The quality gate a bundle passes before it may serve: its iALS {@code ndcg@10} may be at most {@code margin} below
 * the active version's.
 *
 * <ul>
 *   <li>{@link Mode#ABSOLUTE}: refused when {@code candidate < active - margin} (margin 0.02: 0.30 against 0.33 is
 *       refused, 0.31 passes).</li>
 *   <li>{@link Mode#RELATIVE}: refused when {@code candidate < active * (1 - margin)} (margin 0.05: at most 5 % worse).</li>
 * </ul>
 * Accepted when nothing is active yet, or when the active version carries no {@code ndcg@10} (nothing to compare with).
 * Refused when the bundle itself has no finite {@code ndcg@10}: a bundle that cannot show its quality does not serve.
 */
public record PublishGate(double margin, Mode mode) {
    /** The metric the gate compares, the iALS model's NDCG at 10 as the training job evaluates it. */
    public static final String METRIC = "ndcg@10";

    public enum Mode { ABSOLUTE, RELATIVE }

    public PublishGate {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0: " + margin);
        }
        if (mode == Mode.RELATIVE && margin > 1) {
            throw new IllegalArgumentException("a relative margin is a fraction, 0..1: " + margin);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode");
        }
    }

    public static PublishGate absolute(double margin) {
        return new PublishGate(margin, Mode.ABSOLUTE);
    }

    public static PublishGate relative(double margin) {
        return new PublishGate(margin, Mode.RELATIVE);
    }

    /** Why a bundle may or may not serve; {@code reason} is one line for people. */
    public record Decision(boolean accepted, String reason) {
    }

    /** @param candidate the bundle's headline (iALS) metrics; @param active the version serving now, if any */
    public Decision check(Map<String, Double> candidate, Optional<ModelVersion> active) {
        Double value = candidate.get(METRIC);
        if (value == null || !Double.isFinite(value)) {
            return new Decision(false, "the bundle has no finite " + METRIC + " for the iALS model");
        }
        if (active.isEmpty()) {
            return new Decision(true, "nothing is active yet");
        }
        Double current = active.get().metrics().get(METRIC);
        if (current == null || !Double.isFinite(current)) {
            return new Decision(true, "active version " + active.get().version() + " has no " + METRIC + " to compare with");
        }
        double floor = mode == Mode.ABSOLUTE ? current - margin : current * (1 - margin);
        String comparison = String.format(java.util.Locale.ROOT, "%s %.4f against active %s %.4f (floor %.4f, %s margin %s)",
                METRIC, value, active.get().version(), current, floor, mode.name().toLowerCase(java.util.Locale.ROOT), margin);
        return value < floor ? new Decision(false, "below the gate: " + comparison) : new Decision(true, comparison);
    }
}
