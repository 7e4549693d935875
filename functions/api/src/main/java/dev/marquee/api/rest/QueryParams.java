package dev.marquee.api.rest;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Validation of query parameters, each failure naming its field. */
final class QueryParams {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DEVICE = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final int MAX_EXCLUDE = 200;

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
}
