package dev.marquee.adapters.redis;

import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs many {@link SlotChain}s over one pooled connection without waiting for each reply (pipelining): up to
 * {@link #IN_FLIGHT} chains at a time, each chain's calls in order. The blocking data source has no pipeline, so
 * this uses the Vert.x client behind it; a cluster client's connection routes every call to its slot's node.
 * <p>
 * A run starts with one blocking call through the data source (SCRIPT EXISTS, loading what a restarted server
 * forgot), so an unresponsive server fails the run within the data source's own timeout, like any single call.
 * Every pipelined call is then bounded by {@code timeout}. After the first failure no further call is sent, the calls
 * in flight are left to settle, and the whole run fails: the claims in the scripts make a retry of the same chains
 * complete exactly what is missing.
 */
final class ScriptPipeline {
    /** Well under the client's default queue of 2048 replies per connection (RedisOptions.maxWaitingHandlers). */
    static final int IN_FLIGHT = 512;
    private static final String OPERATION = "applyAll";

    private final RedisDataSource redis;
    private final Redis client;
    private final Duration timeout;
    private final List<LuaScript> scripts;

    ScriptPipeline(RedisDataSource redis, Duration timeout, List<LuaScript> scripts) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.redis = redis;
        this.client = redis.getReactive().getRedis();
        this.timeout = timeout;
        this.scripts = List.copyOf(scripts);
    }

    /** The replies of every chain, in the order of {@code chains}; each inner list has one reply per call. */
    List<List<Response>> run(List<SlotChain> chains) {
        loadMissingScripts();
        RedisConnection connection = connect();
        try {
            return new Run(connection, chains).await();
        } finally {
            // back to the pool; replies still due after a timeout are read and dropped by the connection
            connection.close().subscribe().with(ok -> { }, failure -> { });
        }
    }

    private RedisConnection connect() {
        io.vertx.core.Future<io.vertx.redis.client.RedisConnection> pending = client.getDelegate().connect();
        try {
            return RedisConnection.newInstance(pending.toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // a connection that arrives after we gave up must still go back to the pool
            pending.onSuccess(io.vertx.redis.client.RedisConnection::close);
            throw RedisCalls.unavailable(OPERATION + " connect", e);
        } catch (ExecutionException e) {
            throw RedisCalls.unavailable(OPERATION + " connect", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RedisCalls.unavailable(OPERATION + " connect", e);
        }
    }

    /**
     * SCRIPT EXISTS, then SCRIPT LOAD of any the server lacks, so it answers EVALSHA at once. A cluster client asks one
     * node, so {@link Run#send} still falls back to EVAL on NOSCRIPT; here what matters is the data source's timeout.
     */
    private void loadMissingScripts() {
        String[] exists = new String[scripts.size() + 1];
        exists[0] = "EXISTS";
        for (int i = 0; i < scripts.size(); i++) {
            exists[i + 1] = scripts.get(i).sha();
        }
        Response known = RedisCalls.call(OPERATION + " SCRIPT EXISTS", () -> redis.execute(Command.SCRIPT, exists));
        for (int i = 0; i < scripts.size(); i++) {
            if (known.get(i).toInteger() == 0) {
                String body = scripts.get(i).body();
                RedisCalls.run(OPERATION + " SCRIPT LOAD", () -> redis.execute(Command.SCRIPT, "LOAD", body));
            }
        }
    }

    /** One pipelined run: the chains' replies, and the first failure, after which nothing more is sent. */
    private final class Run {
        private final RedisConnection connection;
        private final List<SlotChain> chains;
        private final List<List<Response>> replies;
        private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

        Run(RedisConnection connection, List<SlotChain> chains) {
            this.connection = connection;
            this.chains = chains;
            this.replies = new ArrayList<>(chains.size());
            chains.forEach(c -> replies.add(new ArrayList<>(c.calls().size())));
        }

        List<List<Response>> await() {
            // each chain recovers from its failure, so merge() waits for every chain in flight to settle
            Multi.createFrom().range(0, chains.size())
                    .onItem().transformToUni(this::chain).merge(IN_FLIGHT)
                    .collect().last()
                    .await().indefinitely();
            Throwable failure = firstFailure.get();
            if (failure != null) {
                throw RedisCalls.unavailable(OPERATION, failure);
            }
            return replies;
        }

        private Uni<Integer> chain(int index) {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (ScriptCall call : chains.get(index).calls()) {
                done = done.chain(() -> send(call).invoke(replies.get(index)::add).replaceWithVoid());
            }
            return done.onFailure().recoverWithItem(failure -> {
                firstFailure.compareAndSet(null, failure);
                return null;
            }).replaceWith(index);
        }

        private Uni<Response> send(ScriptCall call) {
            return Uni.createFrom().deferred(() -> firstFailure.get() != null
                            ? Uni.createFrom().failure(new IllegalStateException("not sent after an earlier failure"))
                            : connection.send(call.evalsha()))
                    .onFailure(ScriptPipeline::isNoScript).recoverWithUni(() -> connection.send(call.eval()))
                    .ifNoItem().after(timeout).fail();
        }
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }
}
