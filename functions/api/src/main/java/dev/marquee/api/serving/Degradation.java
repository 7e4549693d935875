package dev.marquee.api.serving;

import dev.marquee.domain.port.StoreUnavailableException;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/** Collects what degraded while serving one request, in order, so the response can name it. */
final class Degradation {
    private final Set<String> names = new LinkedHashSet<>();

    /** The call's result, or null when its store is down (recorded as {@code <what>_unavailable}). */
    <T> T attempt(Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            names.add(what + "_unavailable");
            return null;
        }
    }

    void add(String name) {
        names.add(name);
    }

    /** Comma-separated, or null when nothing degraded. */
    String name() {
        return names.isEmpty() ? null : String.join(",", names);
    }
}
