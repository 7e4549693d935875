package dev.marquee.api.serving;

import dev.marquee.domain.port.StoreUnavailableException;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Collects what degraded while serving one request, in order, so the response can name it; runs each store read under
 * the {@link ReadBudget}, so a slow store costs the request at most that long.
 */
final class Degradation {
    private final Set<String> names = new LinkedHashSet<>();
    private final ReadBudget budget;

    Degradation(ReadBudget budget) {
        this.budget = budget;
    }

    /**
     * The call's result, or null when its store is down ({@code <what>_unavailable}) or slower than the budget
     * ({@code <what>_timeout}; the read is left to finish, so what it reads reaches the read caches).
     */
    <T> T attempt(Supplier<T> call, String what) {
        try {
            if (budget.executor() == null) {
                return call.get();
            }
            Future<T> f = budget.executor().submit(call::get);
            try {
                return f.get(budget.perRead().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                names.add(what + "_timeout");
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                names.add(what + "_timeout");
                return null;
            }
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
