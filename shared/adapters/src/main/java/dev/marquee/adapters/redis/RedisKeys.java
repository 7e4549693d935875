package dev.marquee.adapters.redis;

/**
 * Every key Marquee writes to Redis, all under {@code marquee:}. The user (or country) is a hash tag in braces, so a
 * user's keys share one cluster slot and {@code deleteUser} stays a single multi-key DEL on a cluster-mode (or
 * serverless) cache; items and event ids need no grouping.
 */
final class RedisKeys {
    static final String PREFIX = "marquee:";

    private RedisKeys() {
    }

    /** The user's recent interactions, a list newest first. */
    static String recent(String userId) {
        return PREFIX + "recent:{" + userId + "}";
    }

    /** The items the user has seen, a set. */
    static String seen(String userId) {
        return PREFIX + "seen:{" + userId + "}";
    }

    /** The user's cached responses, a hash of request key to response; the TTL is on the key. */
    static String responses(String userId) {
        return PREFIX + "resp:{" + userId + "}";
    }

    /** Every key a user owns, for erasure. */
    static String[] ownedBy(String userId) {
        return new String[]{recent(userId), seen(userId), responses(userId)};
    }

    /** An item's counters, a hash of counter name to value. */
    static String counters(String itemId) {
        return PREFIX + "cnt:" + itemId;
    }

    /** Stored (growing) trending scores of one country in one decay epoch, a sorted set. */
    static String trending(String country, long epoch) {
        return PREFIX + "trend:{" + country + "}:" + epoch;
    }

    /** The claim on an event id, a string that expires. */
    static String claimedEvent(String eventId) {
        return PREFIX + "evt:" + eventId;
    }
}
