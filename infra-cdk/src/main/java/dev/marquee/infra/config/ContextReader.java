package dev.marquee.infra.config;

import software.constructs.Node;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads of CDK context values ({@code -c key=value} on the command line arrives as a string; cdk.json and
 * tests may give numbers and booleans). A value that does not parse fails the synth with the key's name.
 */
public final class ContextReader {
    private final Node node;

    public ContextReader(Node node) {
        this.node = node;
    }

    public String string(String key, String defaultValue) {
        Object v = node.tryGetContext(key);
        if (v == null) {
            return defaultValue;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? defaultValue : s;
    }

    /** Null when the key is absent or blank. */
    public String optional(String key) {
        return string(key, null);
    }

    public int integer(String key, int defaultValue) {
        String s = string(key, null);
        if (s == null) {
            return defaultValue;
        }
        try {
            // numbers from JSON context may come as 512.0
            double d = Double.parseDouble(s);
            if (d != Math.rint(d)) {
                throw new NumberFormatException(s);
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("context " + key + " must be an integer, got '" + s + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String s = string(key, null);
        if (s == null) {
            return defaultValue;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("context " + key + " must be true or false, got '" + s + "'");
        };
    }

    /** A comma-separated list; empty when absent. */
    public List<String> list(String key) {
        String s = string(key, null);
        if (s == null) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    public <E extends Enum<E>> E choice(String key, E defaultValue, Class<E> type) {
        String s = string(key, null);
        if (s == null) {
            return defaultValue;
        }
        String wanted = s.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("context " + key + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()
                + ", got '" + s + "'");
    }
}
