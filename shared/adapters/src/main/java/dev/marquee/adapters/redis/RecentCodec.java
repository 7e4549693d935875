package dev.marquee.adapters.redis;

import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;

import java.time.Instant;
import java.util.Optional;

/**
 * A recent interaction as one short list element, {@code <epochMillis>[.<subMilliNanos>]|<type>|<itemId>}, e.g.
 * {@code 1780315204000|play|i4}: a few dozen bytes instead of JSON or Java serialization. The item id goes last so it
 * may contain the separator; the type is its wire name, stable across enum reordering.
 */
final class RecentCodec {
    private static final char SEPARATOR = '|';
    private static final int NANOS_PER_MILLI = 1_000_000;

    private RecentCodec() {
    }

    static String encode(RecentInteraction interaction) {
        Instant at = interaction.at();
        int subMilli = at.getNano() % NANOS_PER_MILLI;
        StringBuilder out = new StringBuilder(48).append(at.toEpochMilli());
        if (subMilli != 0) {
            // six digits, zero-padded (no String.format: this runs once per ingested event)
            String digits = Integer.toString(subMilli);
            out.append('.').repeat('0', 6 - digits.length()).append(digits);
        }
        return out.append(SEPARATOR).append(interaction.type().wireName()).append(SEPARATOR).append(interaction.itemId()).toString();
    }

    /**
     * The interaction, or empty for an event type this version does not know (written by a newer version during a
     * rolling deploy): skipping one entry of a cache beats failing the whole read.
     */
    static Optional<RecentInteraction> decode(String encoded) {
        int first = encoded.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : encoded.indexOf(SEPARATOR, first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("not a recent interaction: " + encoded);
        }
        Optional<EventType> type = EventType.fromWireName(encoded.substring(first + 1, second));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecentInteraction(encoded.substring(second + 1), type.get(), decodeTime(encoded.substring(0, first))));
    }

    private static Instant decodeTime(String time) {
        int dot = time.indexOf('.');
        if (dot < 0) {
            return Instant.ofEpochMilli(Long.parseLong(time));
        }
        return Instant.ofEpochMilli(Long.parseLong(time.substring(0, dot))).plusNanos(Integer.parseInt(time.substring(dot + 1)));
    }
}
