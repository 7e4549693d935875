package dev.marquee.domain.validation;

import dev.marquee.domain.ingest.FieldError;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field rules shared by the catalog and profile validators. Each takes the JSON name of the field and its untyped
 * value (String, Number, Boolean, List, Map, as parsed), adds a {@link FieldError} when the value breaks the rule and
 * returns the typed value, or null when it is absent or invalid. Ids follow the same rule as events' ids.
 */
public final class FieldRules {
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}");
    public static final String ID_RULE = "must be a string of 1-128 letters, digits and _.:@- starting with a letter or digit";
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_ATTRIBUTES = 50;
    private static final int MAX_ATTRIBUTE_VALUE = 1024;
    private static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private FieldRules() {
    }

    public static String requiredId(String field, Object value, List<FieldError> errors) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return id(field, value, errors);
    }

    public static String id(String field, Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && isId(s)) {
            return s;
        }
        errors.add(new FieldError(field, ID_RULE));
        return null;
    }

    /** Whether {@code s} matches {@link #ID}, checked char by char: ingest validates three ids per event. */
    public static boolean isId(String s) {
        int n = s.length();
        if (n == 0 || n > 128 || !isLetterOrDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!isLetterOrDigit(c) && c != '_' && c != '.' && c != ':' && c != '@' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A string of 1..maxLength characters that is not only white space. */
    public static String text(String field, Object value, int maxLength, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value instanceof String s && !s.isBlank() && s.length() <= maxLength) {
            return s;
        }
        errors.add(new FieldError(field, "must be a non-blank string of at most " + maxLength + " characters"));
        return null;
    }

    /** Lower-case letters, digits, _ and -, like device names and content types. */
    public static String token(String field, Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && TOKEN.matcher(s).matches()) {
            return s;
        }
        errors.add(new FieldError(field, "must be 1-32 characters of lower-case letters, digits, _ and -"));
        return null;
    }

    /** An ISO 3166-1 alpha-2 code that exists, in upper case. */
    public static String country(String field, Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && COUNTRIES.contains(s)) {
            return s;
        }
        errors.add(new FieldError(field, "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US"));
        return null;
    }

    /**
     * An instant: ISO-8601 with an offset (2024-05-01T20:00:00Z) or a date (2024-05-01, midnight UTC), between the
     * years 1800 and 2200 (release dates may lie ahead: announced titles).
     */
    public static Instant instant(String field, Object value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        Instant at = value instanceof String s ? parseInstant(s.trim()) : null;
        if (at == null || at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time with an offset (2024-05-01T20:00:00Z) or a date (2024-05-01) between 1800 and 2200"));
            return null;
        }
        return at;
    }

    private static Instant parseInstant(String s) {
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A rule for one element of a list: validates it under the field name "name[i]". */
    @FunctionalInterface
    public interface ElementRule<T> {
        T apply(String field, Object value, List<FieldError> errors);
    }

    /** An array of at most {@code max} elements, each checked by {@code rule}; an absent array is empty. */
    public static <T> List<T> list(String field, Object value, int max, ElementRule<T> rule, List<FieldError> errors) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            errors.add(new FieldError(field, "must be an array"));
            return List.of();
        }
        if (items.size() > max) {
            errors.add(new FieldError(field, "has " + items.size() + " elements; at most " + max));
            return List.of();
        }
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String element = field + "[" + i + "]";
            if (items.get(i) == null) {
                errors.add(new FieldError(element, "must not be null"));
                continue;
            }
            T t = rule.apply(element, items.get(i), errors);
            if (t != null && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Free-form string attributes: at most 50, names of 1-64 letters, digits and _.:-, values strings of at most
     * 1024 characters (numbers and booleans are refused rather than silently turned into text).
     */
    public static Map<String, String> attributes(String field, Object value, List<FieldError> errors) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(new FieldError(field, "must be an object of string values"));
            return Map.of();
        }
        if (map.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError(field, "has " + map.size() + " attributes; at most " + MAX_ATTRIBUTES));
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String name = String.valueOf(k);
            String f = field + "." + name;
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                errors.add(new FieldError(f, "is not a valid attribute name: 1-64 letters, digits and _.:-"));
            } else if (!(v instanceof String s) || s.length() > MAX_ATTRIBUTE_VALUE) {
                errors.add(new FieldError(f, "must be a string of at most " + MAX_ATTRIBUTE_VALUE + " characters"));
            } else {
                out.put(name, s);
            }
        });
        return out;
    }

    /** Reports every field of an object that is not one of {@code known}, with a hint for likely misspellings. */
    public static void unknownFields(String parent, Set<String> present, Set<String> known, Map<String, String> hints,
                                     List<FieldError> errors) {
        for (String name : present) {
            if (!known.contains(name)) {
                String hint = hints.get(name);
                errors.add(new FieldError(parent.isEmpty() ? name : parent + "." + name,
                        "is not a known field" + (hint == null ? "" : " (did you mean " + hint + "?)")));
            }
        }
    }
}
