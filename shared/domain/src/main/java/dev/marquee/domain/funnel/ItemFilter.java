package dev.marquee.domain.funnel;

import dev.marquee.domain.model.Item;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A filter expression over catalog metadata, {@code genre:comedy|drama,content_type:movie}: clauses separated by
 * commas must all hold; values of one clause separated by {@code |} are alternatives. Matching ignores case.
 * Fields: {@code genre}, {@code content_type}, {@code tag}. Anything else is an {@link InvalidFilterException}.
 */
public final class ItemFilter {
    public static final ItemFilter NONE = new ItemFilter(List.of(), "");
    private static final int MAX_CLAUSES = 10;
    private static final int MAX_LENGTH = 512;

    /** The filterable fields and how to read each from an item. */
    enum Field {
        GENRE("genre", Item::genres),
        CONTENT_TYPE("content_type", i -> i.contentType() == null ? List.of() : List.of(i.contentType())),
        TAG("tag", Item::tags);

        final String wireName;
        final Function<Item, List<String>> values;

        Field(String wireName, Function<Item, List<String>> values) {
            this.wireName = wireName;
            this.values = values;
        }

        static Field of(String name) {
            for (Field f : values()) {
                if (f.wireName.equals(name)) {
                    return f;
                }
            }
            return null;
        }

        static String names() {
            return Arrays.stream(values()).map(f -> f.wireName).collect(Collectors.joining(", "));
        }
    }

    private record Clause(Field field, Set<String> anyOf) {
        boolean matches(Item item) {
            for (String v : field.values.apply(item)) {
                if (anyOf.contains(v.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Clause> clauses;
    private final String expression;

    private ItemFilter(List<Clause> clauses, String expression) {
        this.clauses = clauses;
        this.expression = expression;
    }

    /** Parses an expression; null or blank is {@link #NONE}. */
    public static ItemFilter parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return NONE;
        }
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidFilterException("is longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = expression.split(",", -1);
        if (parts.length > MAX_CLAUSES) {
            throw new InvalidFilterException("has more than " + MAX_CLAUSES + " clauses");
        }
        List<Clause> clauses = new ArrayList<>(parts.length);
        for (String part : parts) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new InvalidFilterException("clause '" + part.trim() + "' must be field:value (e.g. genre:comedy,content_type:movie)");
            }
            String name = part.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            Field field = Field.of(name);
            if (field == null) {
                throw new InvalidFilterException("unknown field '" + name + "'; known fields: " + Field.names());
            }
            Set<String> values = Arrays.stream(part.substring(colon + 1).split("\\|", -1))
                    .map(v -> v.trim().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            if (values.contains("")) {
                throw new InvalidFilterException("clause '" + part.trim() + "' has an empty value");
            }
            clauses.add(new Clause(field, values));
        }
        return new ItemFilter(List.copyOf(clauses), expression.trim());
    }

    public boolean isNone() {
        return clauses.isEmpty();
    }

    public boolean matches(Item item) {
        for (Clause c : clauses) {
            if (!c.matches(item)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return expression;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemFilter f && f.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }
}
