package dev.marquee.domain.funnel;

import dev.marquee.domain.model.ScoredItem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model version's user and item vectors in memory, for retrieval by dot product. Item vectors are stored
 * dimension-major (all items' first component, then all second components...), so scoring every item is a run of
 * multiply-adds over contiguous arrays that the JIT vectorises, not one short dot product per item.
 */
public final class EmbeddingIndex {
    private final int k;
    private final String[] itemIds;
    private final Map<String, Integer> itemRow;
    private final float[] itemsByDimension;
    private final Map<String, float[]> users;

    /**
     * @param itemRows row-major item vectors (items x k), row r for {@code itemIds[r]}
     * @param userRows row-major user vectors (users x k), row r for {@code userIds[r]}
     */
    public EmbeddingIndex(int k, List<String> itemIds, float[] itemRows, List<String> userIds, float[] userRows) {
        if (k <= 0 || itemRows.length != itemIds.size() * k || userRows.length != userIds.size() * k) {
            throw new IllegalArgumentException("vector sizes do not match k=" + k + " and the id lists");
        }
        this.k = k;
        int n = itemIds.size();
        this.itemIds = itemIds.toArray(String[]::new);
        this.itemRow = new HashMap<>(n * 2);
        this.itemsByDimension = new float[n * k];
        for (int r = 0; r < n; r++) {
            itemRow.put(this.itemIds[r], r);
            for (int d = 0; d < k; d++) {
                itemsByDimension[d * n + r] = itemRows[r * k + d];
            }
        }
        this.users = new HashMap<>(userIds.size() * 2);
        for (int r = 0; r < userIds.size(); r++) {
            users.put(userIds.get(r), Arrays.copyOfRange(userRows, r * k, (r + 1) * k));
        }
    }

    public int dimensions() {
        return k;
    }

    public int items() {
        return itemIds.length;
    }

    /** The user's trained vector, or null for a user the model has not seen. */
    public float[] user(String userId) {
        return users.get(userId);
    }

    /** The mean of the known items' vectors (folding a user in from their history); null when none is known. */
    public float[] meanOf(Collection<String> itemIds) {
        float[] sum = new float[k];
        int n = this.itemIds.length;
        int found = 0;
        for (String id : itemIds) {
            Integer r = itemRow.get(id);
            if (r == null) {
                continue;
            }
            for (int d = 0; d < k; d++) {
                sum[d] += itemsByDimension[d * n + r];
            }
            found++;
        }
        if (found == 0) {
            return null;
        }
        for (int d = 0; d < k; d++) {
            sum[d] /= found;
        }
        return sum;
    }

    /** The {@code limit} items with the highest dot product with {@code query}, best first, skipping {@code skip}. */
    public List<ScoredItem> top(float[] query, int limit, Set<String> skip) {
        int n = itemIds.length;
        float[] scores = new float[n];
        for (int d = 0; d < k; d++) {
            float q = query[d];
            int base = d * n;
            for (int i = 0; i < n; i++) {
                scores[i] += q * itemsByDimension[base + i];
            }
        }
        TopK top = new TopK(Math.min(limit, n));
        for (int i = 0; i < n; i++) {
            if (top.admits(scores[i]) && !skip.contains(itemIds[i])) {
                top.offer(i, scores[i]);
            }
        }
        int[] order = top.sortedRows();
        List<ScoredItem> out = new ArrayList<>(order.length);
        for (int row : order) {
            out.add(new ScoredItem(itemIds[row], scores[row]));
        }
        return out;
    }

    /** A bounded min-heap of (row, score) on primitive arrays: the weakest kept entry is at the root. */
    private static final class TopK {
        private final int[] rows;
        private final float[] scores;
        private int size;

        TopK(int capacity) {
            rows = new int[capacity];
            scores = new float[capacity];
        }

        boolean admits(float score) {
            return rows.length > 0 && (size < rows.length || score > scores[0]);
        }

        void offer(int row, float score) {
            if (size < rows.length) {
                rows[size] = row;
                scores[size] = score;
                up(size++);
            } else {
                rows[0] = row;
                scores[0] = score;
                down(0);
            }
        }

        int[] sortedRows() {
            Integer[] idx = new Integer[size];
            for (int i = 0; i < size; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(rows[a], rows[b]));
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = rows[idx[i]];
            }
            return out;
        }

        private void up(int i) {
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (scores[p] <= scores[i]) {
                    return;
                }
                swap(i, p);
                i = p;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int m = i;
                if (l < size && scores[l] < scores[m]) m = l;
                if (r < size && scores[r] < scores[m]) m = r;
                if (m == i) {
                    return;
                }
                swap(i, m);
                i = m;
            }
        }

        private void swap(int a, int b) {
            int tr = rows[a];
            rows[a] = rows[b];
            rows[b] = tr;
            float ts = scores[a];
            scores[a] = scores[b];
            scores[b] = ts;
        }
    }
}
