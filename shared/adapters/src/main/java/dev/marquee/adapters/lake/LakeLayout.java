package dev.marquee.adapters.lake;

import dev.marquee.domain.model.InteractionEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The lake's key layout, shared by the S3 and the local-folder lakes:
 * {@code events/dt=YYYY-MM-DD/hour=HH/<writer-time>-<uuid>.jsonl.gz}, partitioned by event time (UTC).
 */
public final class LakeLayout {
    public static final String EVENTS_PREFIX = "events/";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private LakeLayout() {
    }

    /** "events/dt=2026-11-21/hour=07/" for an instant. */
    public static String partitionOf(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return "%sdt=%s/hour=%02d/".formatted(EVENTS_PREFIX, t.toLocalDate(), t.getHour());
    }

    /** Groups events by hour partition, keeping their order within each; partitions sorted. */
    public static Map<String, List<InteractionEvent>> byPartition(List<InteractionEvent> events) {
        Map<String, List<InteractionEvent>> groups = new TreeMap<>();
        for (InteractionEvent e : events) {
            groups.computeIfAbsent(partitionOf(e.timestamp()), k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    /** A new, unique object name in a partition; sorts by write time. */
    public static String newObjectKey(String partition, Instant writtenAt) {
        return partition + FILE_TIME.format(writtenAt) + "-" + UUID.randomUUID() + ".jsonl.gz";
    }

    /** The hour partitions that can hold events in [from, to), oldest first. */
    public static List<String> partitionsBetween(Instant fromInclusive, Instant toExclusive) {
        List<String> out = new ArrayList<>();
        for (Instant h = fromInclusive.truncatedTo(ChronoUnit.HOURS); h.isBefore(toExclusive); h = h.plus(1, ChronoUnit.HOURS)) {
            out.add(partitionOf(h));
        }
        return out;
    }

    /** The day prefix "events/dt=YYYY-MM-DD/" (for listing a day at once). */
    public static String dayPrefix(LocalDate day) {
        return EVENTS_PREFIX + "dt=" + day + "/";
    }
}
