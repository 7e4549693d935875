package dev.marquee.domain.training;

/**
 * Learned embeddings, row-major: row r of a matrix occupies [r * k, (r + 1) * k). Scores are dot products.
 */
public record Factors(int k, float[] users, float[] items) {

    public int userCount() {
        return users.length / k;
    }

    public int itemCount() {
        return items.length / k;
    }

    public double score(int user, int item) {
        return Linear.dot(users, user * k, items, item * k, k);
    }

    /** Scores of every item for one user, into {@code out} (length itemCount()). */
    public void scoreAll(int user, float[] out) {
        int uo = user * k;
        for (int i = 0, n = itemCount(); i < n; i++) {
            out[i] = (float) Linear.dot(users, uo, items, i * k, k);
        }
    }
}
