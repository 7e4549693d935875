package dev.marquee.domain.training;

/** Scores every item for a user (higher is better); what the evaluation ranks. */
@FunctionalInterface
public interface Scorer {
    void scoreAll(int user, float[] out);

    static Scorer of(Factors f) {
        return f::scoreAll;
    }

    /** The popularity baseline: an item's score is its number of training users, the same for everyone. */
    static Scorer popularity(InteractionMatrix train) {
        float[] counts = new float[train.items()];
        for (int k = 0; k < train.nonZeros(); k++) {
            counts[train.userItems[k]]++;
        }
        return (user, out) -> System.arraycopy(counts, 0, out, 0, counts.length);
    }
}
