package dev.marquee.domain.funnel;

import dev.marquee.domain.port.StoreUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a stage's calls concurrently under one latency budget. A call that fails or is still running when the budget
 * is spent is given up on and reported by name, {@code <name>_unavailable} for a store failure,
 * {@code <name>_timeout} for a call over budget, {@code <name>_failed} for anything else, so the answer that follows
 * says what it went without. A call given up on is not interrupted: it finishes in the background, so what it reads
 * reaches the read caches and the next request need not wait for it (interrupting it would throw that work away and
 * send the next request to the slow store again). Without an executor the calls run one after the other with no budget.
 */
final class ParallelStage {

    /** One call's result: its value, or null with the name of what went wrong. */
    record Outcome<T>(T value, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    record Call<T>(String name, Callable<T> body) {
    }

    private ParallelStage() {
    }

    static <T> List<Outcome<T>> run(ExecutorService executor, List<Call<T>> calls, Duration budget) {
        if (executor == null) {
            List<Outcome<T>> out = new ArrayList<>(calls.size());
            for (Call<T> c : calls) {
                out.add(direct(c));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(calls.size());
        for (Call<T> c : calls) {
            futures.add(executor.submit(c.body()));
        }
        long deadline = System.nanoTime() + budget.toNanos();
        List<Outcome<T>> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            out.add(outcome(calls.get(i).name(), futures.get(i), deadline));
        }
        return out;
    }

    /** One call under a budget (the ranker). */
    static <T> Outcome<T> one(ExecutorService executor, Call<T> call, Duration budget) {
        return run(executor, List.of(call), budget).getFirst();
    }

    private static <T> Outcome<T> direct(Call<T> c) {
        try {
            return new Outcome<>(c.body().call(), null);
        } catch (Exception e) {
            return new Outcome<>(null, failure(c.name(), e));
        }
    }

    private static <T> Outcome<T> outcome(String name, Future<T> f, long deadline) {
        try {
            return new Outcome<>(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException e) {
            // not cancelled: a read over budget still completes and fills the read caches for the next request
            return new Outcome<>(null, name + "_timeout");
        } catch (ExecutionException e) {
            return new Outcome<>(null, failure(name, e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, name + "_timeout");
        }
    }

    private static String failure(String name, Throwable e) {
        return name + (e instanceof StoreUnavailableException ? "_unavailable" : "_failed");
    }
}
