package dev.marquee.domain.tracking;

import dev.marquee.domain.model.Attribution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The content of a tracking token: which variant and model version served which request to which user, when, and
 * a 32-bit fingerprint of each item id in the order served (position i of the answer is {@code items[i]}), so an
 * event names its position without the token carrying the ids themselves.
 */
public record TrackingToken(String variant, String modelVersion, String requestId, String userId, Instant issuedAt,
                            int[] items) {

    public static TrackingToken of(String variant, String modelVersion, String requestId, String userId, Instant issuedAt,
                                   List<String> itemIds) {
        int[] fp = new int[itemIds.size()];
        for (int i = 0; i < fp.length; i++) {
            fp[i] = fingerprint(itemIds.get(i));
        }
        return new TrackingToken(variant, modelVersion, requestId, userId, issuedAt, fp);
    }

    /** 1-based position of the item in the answer, or null when it was not in it. */
    public Integer positionOf(String itemId) {
        int fp = fingerprint(itemId);
        for (int i = 0; i < items.length; i++) {
            if (items[i] == fp) {
                return i + 1;
            }
        }
        return null;
    }

    public Attribution attributionFor(String itemId) {
        return new Attribution(variant, modelVersion, requestId, issuedAt, positionOf(itemId));
    }

    /** FNV-1a over the UTF-8 bytes. */
    static int fingerprint(String itemId) {
        int h = 0x811C9DC5;
        for (byte b : itemId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackingToken t && t.variant.equals(variant) && java.util.Objects.equals(t.modelVersion, modelVersion)
                && t.requestId.equals(requestId) && t.userId.equals(userId) && t.issuedAt.equals(issuedAt)
                && Arrays.equals(t.items, items);
    }

    @Override
    public int hashCode() {
        return requestId.hashCode();
    }

    @Override
    public String toString() {
        return "TrackingToken[variant=" + variant + ", modelVersion=" + modelVersion + ", requestId=" + requestId
                + ", userId=" + userId + ", issuedAt=" + issuedAt + ", items=" + items.length + "]";
    }
}
