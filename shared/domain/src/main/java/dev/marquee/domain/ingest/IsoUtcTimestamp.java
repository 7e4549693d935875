package dev.marquee.domain.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one timestamp shape producers send almost always, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}
 * (what {@link Instant#toString()} writes): read digit by digit rather than through a DateTimeFormatter, which costs
 * several microseconds per event on the ingest path. Anything else, including an impossible date, answers null and is
 * left to the full ISO-8601 parser, so the accepted set and the values are exactly the parser's.
 */
final class IsoUtcTimestamp {
    private static final int DATE_TIME_LENGTH = 19;

    private IsoUtcTimestamp() {
    }

    static Instant parse(String t) {
        int n = t.length();
        if (n < DATE_TIME_LENGTH + 1 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int nanos = 0;
        int fractionEnd = n - 1;
        if (fractionEnd > DATE_TIME_LENGTH) {
            int fractionDigits = fractionEnd - DATE_TIME_LENGTH - 1;
            if (t.charAt(DATE_TIME_LENGTH) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(t, DATE_TIME_LENGTH + 1, fractionDigits);
            for (int i = fractionDigits; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code length} ASCII digits from {@code from}, or -1 if any is not a digit. */
    private static int digits(String t, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
