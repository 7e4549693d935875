package dev.marquee.domain.training;

import java.util.Arrays;

/**
 * Aggregated implicit feedback as two sparse views, by user (CSR) and by item (CSC), holding each pair's summed
 * weight once. Users and items are dense indices 0..n-1 (the caller keeps the id maps). Pairs whose summed weight
 * is not positive are dropped: negative events lower confidence, and a net-negative pair is no preference at all.
 */
public final class InteractionMatrix {
    private final int users;
    private final int items;
    final int[] userStart;
    final int[] userItems;
    final float[] userWeights;
    final int[] itemStart;
    final int[] itemUsers;
    final float[] itemWeights;

    private InteractionMatrix(int users, int items, int[] userStart, int[] userItems, float[] userWeights,
                              int[] itemStart, int[] itemUsers, float[] itemWeights) {
        this.users = users;
        this.items = items;
        this.userStart = userStart;
        this.userItems = userItems;
        this.userWeights = userWeights;
        this.itemStart = itemStart;
        this.itemUsers = itemUsers;
        this.itemWeights = itemWeights;
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    public int nonZeros() {
        return userItems.length;
    }

    /** Receives one aggregated (user, item, weight) pair. */
    @FunctionalInterface
    public interface PairVisitor {
        void pair(int user, int item, float weight);
    }

    /** Every stored pair, by user then item. */
    public void forEachPair(PairVisitor v) {
        for (int u = 0; u < users; u++) {
            for (int n = userStart[u]; n < userStart[u + 1]; n++) {
                v.pair(u, userItems[n], userWeights[n]);
            }
        }
    }

    /** The items of a user, ascending. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(userItems, userStart[user], userStart[user + 1]);
    }

    public int countOf(int user) {
        return userStart[user + 1] - userStart[user];
    }

    /** Accumulates (user, item, weight) triples; duplicates are summed. */
    public static final class Builder {
        private final int users;
        private final int items;
        private int[] us = new int[1024];
        private int[] is = new int[1024];
        private float[] ws = new float[1024];
        private int n;

        public Builder(int users, int items) {
            this.users = users;
            this.items = items;
        }

        public Builder add(int user, int item, double weight) {
            if (user < 0 || user >= users || item < 0 || item >= items) {
                throw new IllegalArgumentException("pair out of range: " + user + "," + item);
            }
            if (n == us.length) {
                us = Arrays.copyOf(us, n * 2);
                is = Arrays.copyOf(is, n * 2);
                ws = Arrays.copyOf(ws, n * 2);
            }
            us[n] = user;
            is[n] = item;
            ws[n] = (float) weight;
            n++;
            return this;
        }

        public InteractionMatrix build() {
            // sort triples by (user, item) through a counting sort on users, then per-user sort on items
            int[] start = new int[users + 1];
            for (int k = 0; k < n; k++) {
                start[us[k] + 1]++;
            }
            for (int u = 0; u < users; u++) {
                start[u + 1] += start[u];
            }
            int[] fill = Arrays.copyOf(start, users);
            int[] rowItems = new int[n];
            float[] rowWeights = new float[n];
            for (int k = 0; k < n; k++) {
                int at = fill[us[k]]++;
                rowItems[at] = is[k];
                rowWeights[at] = ws[k];
            }
            // per user: sort by item, sum duplicates, drop non-positive totals
            int[] outStart = new int[users + 1];
            int[] outItems = new int[n];
            float[] outWeights = new float[n];
            int w = 0;
            long[] packed = new long[0];
            for (int u = 0; u < users; u++) {
                int from = start[u];
                int len = start[u + 1] - from;
                if (packed.length < len) {
                    packed = new long[Math.max(len, packed.length * 2)];
                }
                for (int k = 0; k < len; k++) {
                    packed[k] = ((long) rowItems[from + k] << 32) | (k & 0xffffffffL);
                }
                Arrays.sort(packed, 0, len);
                int k = 0;
                while (k < len) {
                    int item = (int) (packed[k] >>> 32);
                    double sum = 0;
                    while (k < len && (int) (packed[k] >>> 32) == item) {
                        sum += rowWeights[from + (int) packed[k]];
                        k++;
                    }
                    if (sum > 0) {
                        outItems[w] = item;
                        outWeights[w] = (float) sum;
                        w++;
                    }
                }
                outStart[u + 1] = w;
            }
            outItems = Arrays.copyOf(outItems, w);
            outWeights = Arrays.copyOf(outWeights, w);
            // the item view (CSC) by transposition
            int[] colStart = new int[items + 1];
            for (int k = 0; k < w; k++) {
                colStart[outItems[k] + 1]++;
            }
            for (int i = 0; i < items; i++) {
                colStart[i + 1] += colStart[i];
            }
            int[] colFill = Arrays.copyOf(colStart, items);
            int[] colUsers = new int[w];
            float[] colWeights = new float[w];
            for (int u = 0; u < users; u++) {
                for (int k = outStart[u]; k < outStart[u + 1]; k++) {
                    int at = colFill[outItems[k]]++;
                    colUsers[at] = u;
                    colWeights[at] = outWeights[k];
                }
            }
            return new InteractionMatrix(users, items, outStart, outItems, outWeights, colStart, colUsers, colWeights);
        }
    }
}
