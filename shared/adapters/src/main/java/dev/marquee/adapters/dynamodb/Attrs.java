package dev.marquee.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small conversions between Java values and attribute values. Empty and null values are left out of an item
 * (DynamoDB rejects empty sets, and absent costs nothing); readers turn absence back into null or empty.
 */
final class Attrs {
    private Attrs() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    /** Instants as ISO-8601 text: exact to the nanosecond, and readable in the console. */
    static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    /** An ordered list (L of S): genres and tags keep their order. */
    static void putList(Map<String, AttributeValue> item, String name, List<String> values) {
        if (!values.isEmpty()) {
            item.put(name, AttributeValue.fromL(values.stream().map(Attrs::s).toList()));
        }
    }

    static void putSet(Map<String, AttributeValue> item, String name, Collection<String> values) {
        if (!values.isEmpty()) {
            item.put(name, AttributeValue.fromSs(List.copyOf(values)));
        }
    }

    static void putMap(Map<String, AttributeValue> item, String name, Map<String, String> values) {
        if (!values.isEmpty()) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            values.forEach((k, v) -> m.put(k, s(v)));
            item.put(name, AttributeValue.fromM(m));
        }
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        return text == null ? null : Instant.parse(text);
    }

    static List<String> list(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    static Set<String> set(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? Set.of() : Set.copyOf(v.ss());
    }

    static Map<String, String> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        v.m().forEach((k, a) -> m.put(k, a.s()));
        return m;
    }
}
