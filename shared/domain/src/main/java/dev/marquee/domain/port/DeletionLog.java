package dev.marquee.domain.port;

import java.time.Instant;
import java.util.Map;

/**
 * The durable record of users who asked to be erased. The profile, features and caches are erased at once; the lake
 * is the system of record and keeps raw events, so training reads this log and drops a deleted user's events.
 */
public interface DeletionLog {

    /** Durably records that {@code userId} was deleted at {@code at}; throws {@link StoreUnavailableException} when it cannot. */
    void record(String userId, Instant at);

    /**
     * Every user whose deletion was recorded at or after {@code since}, with the time of their latest deletion:
     * their events up to that time must not be used.
     */
    Map<String, Instant> deletedSince(Instant since);
}
