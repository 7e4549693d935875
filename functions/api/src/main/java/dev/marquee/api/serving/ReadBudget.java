package dev.marquee.api.serving;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * How long one store read of a list endpoint (similar, trending, popular) may take before the endpoint goes on
 * without it, and the executor the reads run on. {@link #NONE}: reads run on the caller, unbounded (tests, tools).
 */
public record ReadBudget(ExecutorService executor, Duration perRead) {
    public static final ReadBudget NONE = new ReadBudget(null, null);
}
