package dev.marquee.api.rest;

import dev.marquee.domain.funnel.InvalidFilterException;
import dev.marquee.domain.funnel.ItemFilter;
import dev.marquee.domain.model.Segment;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Validation of query parameters, each failure naming its field. */
final class QueryParams {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DEVICE = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final int MAX_EXCLUDE = 200;
    private static final Pattern FILTER_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _&'()-]{0,63}");

    private QueryParams() {
    }

    static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidRequestException(field, "must be 1-128 characters of letters, digits and _.:@- (starting with a letter or digit)");
        }
        return value;
    }

    static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the same message as an out-of-range number
        }
        throw new InvalidRequestException("limit", "must be an integer between 1 and " + max);
    }

    static String country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!COUNTRY.matcher(value).matches()) {
            throw new InvalidRequestException("country", "must be an ISO 3166-1 alpha-2 code in upper case, e.g. US");
        }
        return value;
    }

    static String device(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!DEVICE.matcher(value).matches()) {
            throw new InvalidRequestException("device", "must be 1-32 characters of lower-case letters, digits, _ and -");
        }
        return value;
    }

    static String context(String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return "homepage";
        }
        if (!allowed.contains(value)) {
            throw new InvalidRequestException("context", "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    static Set<String> exclude(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> ids = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (ids.size() > MAX_EXCLUDE) {
            throw new InvalidRequestException("exclude", "at most " + MAX_EXCLUDE + " item ids");
        }
        ids.forEach(id -> id("exclude", id));
        return ids;
    }

    /** A misspelt parameter (limt=5) is an error, not silently the default. */
    static void onlyKnown(MultivaluedMap<String, String> query, Set<String> known) {
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidRequestException(name, "is not a parameter of this endpoint; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
            if (query.get(name).size() > 1) {
                throw new InvalidRequestException(name, "is given more than once");
            }
        }
    }

    /** An optional id: absent is null, present must be valid. */
    static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    /** {@code COUNTRY|DEVICE}, either part {@code *} for any, or a country alone; absent is every user (*|*). */
    static Segment segment(String value) {
        if (value == null || value.isBlank()) {
            return Segment.GLOBAL;
        }
        String[] parts = value.split("\\|", -1);
        if (parts.length > 2) {
            throw new InvalidRequestException("segment", "must be COUNTRY|DEVICE (either may be *), or a country alone, e.g. US|tv");
        }
        String country = parts[0].equals("*") ? null : segmentPart(parts[0], COUNTRY, "its country must be an ISO 3166-1 alpha-2 code in upper case or *");
        String device = parts.length < 2 || parts[1].equals("*") ? null : segmentPart(parts[1], DEVICE, "its device must be 1-32 characters of lower-case letters, digits, _ and -, or *");
        return new Segment(country, device);
    }

    private static String segmentPart(String value, Pattern rule, String problem) {
        if (!rule.matcher(value).matches()) {
            throw new InvalidRequestException("segment", problem);
        }
        return value;
    }

    /**
     * The funnel's filter expression ({@link ItemFilter}: {@code field:value[|value]} clauses joined by commas, e.g.
     * {@code genre:comedy|drama,content_type:movie}); value characters are checked here, the grammar by the domain.
     */
    static ItemFilter filter(String value) {
        if (value == null || value.isBlank()) {
            return ItemFilter.NONE;
        }
        for (String clause : value.split(",", -1)) {
            int colon = clause.indexOf(':');
            for (String v : colon < 0 ? new String[0] : clause.substring(colon + 1).split("\\|", -1)) {
                if (!v.isBlank() && !FILTER_VALUE.matcher(v.trim()).matches()) {
                    throw new InvalidRequestException("filter", "a value must be 1-64 letters, digits, spaces and _&'()-; got '" + v.trim() + "'");
                }
            }
        }
        try {
            return ItemFilter.parse(value);
        } catch (InvalidFilterException e) {
            throw new InvalidRequestException("filter", e.getMessage());
        }
    }
}
