package dev.marquee.domain.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns each user to one A/B variant, stably: a 64-bit FNV-1a hash of {@code salt + ":" + userId} picks one of
 * 10,000 buckets, and the variants own consecutive ranges of buckets in proportion to their shares. The same user
 * always lands in the same variant (on any instance, after any restart); changing the salt reshuffles everyone,
 * for a new experiment. Shares are weights: 50/50, 1/1 and 0.9/0.1 all work; a share of 0 takes nobody.
 */
public final class VariantAssignment {
    static final int BUCKETS = 10_000;

    private final String salt;
    private final List<String> names;
    private final int[] upperBound;

    public VariantAssignment(String salt, Map<String, Double> shares) {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("at least one variant is needed");
        }
        double total = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0 || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("variant " + e.getKey() + ": share must be a number >= 0");
            }
            total += e.getValue();
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the variants' shares add up to 0");
        }
        this.salt = salt;
        this.names = new ArrayList<>(shares.keySet());
        this.upperBound = new int[names.size()];
        double cumulative = 0;
        for (int i = 0; i < names.size(); i++) {
            cumulative += shares.get(names.get(i));
            upperBound[i] = (int) Math.round(cumulative / total * BUCKETS);
        }
        upperBound[names.size() - 1] = BUCKETS;
    }

    public static VariantAssignment single(String name) {
        Map<String, Double> one = new LinkedHashMap<>();
        one.put(name, 1.0);
        return new VariantAssignment("", one);
    }

    public List<String> variants() {
        return List.copyOf(names);
    }

    public String assign(String userId) {
        int bucket = bucketOf(userId);
        for (int i = 0; i < upperBound.length; i++) {
            if (bucket < upperBound[i]) {
                return names.get(i);
            }
        }
        return names.getLast();
    }

    int bucketOf(String userId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (salt + ":" + userId).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        // FNV's low bits mix poorly for short keys: fold the high half in before taking the bucket
        h ^= h >>> 32;
        return (int) Long.remainderUnsigned(h, BUCKETS);
    }
}
