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
 * A model version's user and item vectors in memory, for retrieval by dot product. Scoring every item is memory
 * bound (the float vectors of a 10k-item, 64-factor model are 2.5 MB, more than a core's cache), so a first pass
 * scores a copy quantised to 8 bits per component (a quarter of the bytes; each dimension scaled to its own range),
 * stored dimension-major so the pass is a run of multiply-adds over contiguous arrays that the JIT vectorises; the
 * best few times {@code limit} of that pass are then scored exactly on the float vectors and the exact order kept.
 */
public final class EmbeddingIndex {
    /** How many approximate winners per requested item are re-scored exactly. */
    private static final int RESCORE_FACTOR = 2;
    private static final int RESCORE_EXTRA = 32;

    private final int k;
    private final String[] itemIds;
    private final Map<String, Integer> itemRow;
    private final float[] itemRows;
    private final byte[] quantisedByDimension;
    private final float[] scaleOfDimension;
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
        this.itemRows = itemRows.clone();
        this.itemRow = new HashMap<>(n * 2);
        for (int r = 0; r < n; r++) {
            itemRow.put(this.itemIds[r], r);
        }
        this.scaleOfDimension = new float[k];
        this.quantisedByDimension = new byte[n * k];
        for (int d = 0; d < k; d++) {
            float max = 0;
            for (int r = 0; r < n; r++) {
                max = Math.max(max, Math.abs(itemRows[r * k + d]));
            }
            float scale = max == 0 ? 1 : max / 127f;
            scaleOfDimension[d] = scale;
            for (int r = 0; r < n; r++) {
                quantisedByDimension[d * n + r] = (byte) Math.round(itemRows[r * k + d] / scale);
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
        int found = 0;
        for (String id : itemIds) {
            Integer r = itemRow.get(id);
            if (r == null) {
                continue;
            }
            for (int d = 0; d < k; d++) {
                sum[d] += itemRows[r * k + d];
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
        float[] approx = new float[n];
        for (int d = 0; d < k; d++) {
            multiplyAdd(approx, query[d] * scaleOfDimension[d], quantisedByDimension, d * n, n);
        }
        for (String id : skip) {
            Integer row = itemRow.get(id);
            if (row != null) {
                approx[row] = Float.NEGATIVE_INFINITY;
            }
        }
        int wanted = Math.min(n, limit * RESCORE_FACTOR + RESCORE_EXTRA);
        float threshold = wanted >= n ? Float.NEGATIVE_INFINITY : kthLargest(approx.clone(), wanted);
        int[] shortlist = new int[wanted];
        int size = 0;
        for (int i = 0; i < n && size < wanted; i++) {
            if (approx[i] >= threshold && approx[i] != Float.NEGATIVE_INFINITY) {
                shortlist[size++] = i;
            }
        }
        long[] keyed = new long[size];
        float[] exact = new float[size];
        for (int s = 0; s < size; s++) {
            exact[s] = dot(query, shortlist[s]);
            // sortable key: the exact score's order-preserving bits, then the shortlist slot
            keyed[s] = ((long) sortableBits(exact[s]) << 32) | s;
        }
        Arrays.sort(keyed);
        int count = Math.min(limit, size);
        List<ScoredItem> out = new ArrayList<>(count);
        for (int t = size - 1; t >= size - count; t--) {
            int slot = (int) (keyed[t] & 0xFFFFFFFFL);
            out.add(new ScoredItem(itemIds[shortlist[slot]], exact[slot]));
        }
        return out;
    }

    /** A float's bits mapped so that signed-int order is float order (and so the long key sorts by it). */
    private static int sortableBits(float f) {
        int bits = Float.floatToIntBits(f);
        return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
    }

    /** The k-th largest value (k >= 1) by quickselect; reorders {@code a}. */
    static float kthLargest(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        int target = k - 1;
        java.util.SplittableRandom random = new java.util.SplittableRandom(k);
        while (lo < hi) {
            float pivot = a[lo + random.nextInt(hi - lo + 1)];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) i++;
                while (a[j] < pivot) j--;
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private float dot(float[] query, int row) {
        float s = 0;
        int o = row * k;
        for (int d = 0; d < k; d++) {
            s += query[d] * itemRows[o + d];
        }
        return s;
    }

    /** y[i] += a * x[offset + i]: its own small method so the JIT compiles it to vector instructions. */
    private static void multiplyAdd(float[] y, float a, byte[] x, int offset, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += a * x[offset + i];
        }
    }
}
