package dev.marquee.adapters.redis;

/**
 * Every key Marquee writes to Redis, all under {@code marquee:}. The user, item or country is a hash tag in braces, so
 * the keys of one owner share one cluster slot: {@code deleteUser} stays a single multi-key DEL, and a batch script
 * may touch an owner's data and the claims guarding it together on a cluster-mode (or serverless) cache.
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
        return PREFIX + "cnt:{" + itemId + "}";
    }

    /** Stored (growing) trending scores of one country in one decay epoch, a sorted set. */
    static String trending(String country, long epoch) {
        return PREFIX + "trend:{" + country + "}:" + epoch;
    }

    /** The claim on an event id, a string that expires. */
    static String claimedEvent(String eventId) {
        return PREFIX + "evt:" + eventId;
    }

    /** The claim that an event's user effects (recent, seen) are applied; in the user's slot. */
    static String userClaim(String userId, String eventId) {
        return PREFIX + "evt:{" + userId + "}:" + eventId;
    }

    /** The claim that an event's counter increments are applied; in the item's slot. */
    static String counterClaim(String itemId, String eventId) {
        return PREFIX + "evtc:{" + itemId + "}:" + eventId;
    }

    /** The claim that an event's trending bump in {@code country} is applied; in the country's slot. */
    static String trendingClaim(String country, String eventId) {
        return PREFIX + "evtt:{" + country + "}:" + eventId;
    }
}
