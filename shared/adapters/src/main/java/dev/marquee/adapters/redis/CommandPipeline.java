package dev.marquee.adapters.redis;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs many chains of commands over one pooled connection without waiting for each reply (pipelining): up to
 * {@link #IN_FLIGHT} chains at a time, each chain's commands in order. The blocking data source has no pipeline, so
 * this uses the Vert.x client behind it, with its plain futures (a Mutiny pipeline per command cost more CPU than the
 * command itself); a cluster client's connection routes every command to its slot's node.
 * <p>
 * Script calls go as EVALSHA, falling back to EVAL on NOSCRIPT. The first run, and the first after a NOSCRIPT reply,
 * starts with SCRIPT EXISTS through the data source (loading what the server lacks), so an unresponsive server fails
 * it within the data source's own timeout. A run fails when no reply arrives for {@code timeout}. After the first
 * failure no further command is sent, the commands in flight are left to settle, and the whole run fails: the claims
 * in the scripts make a retry of the same chains complete exactly what is missing.
 */
final class CommandPipeline {
    /** Well under the client's default queue of 2048 replies per connection (RedisOptions.maxWaitingHandlers). */
    static final int IN_FLIGHT = 512;

    private final RedisDataSource redis;
    private final Redis client;
    private final Duration timeout;
    private final List<LuaScript> scripts;
    private final String operation;
    /** False until SCRIPT EXISTS/LOAD succeeded, and again after a NOSCRIPT reply (a restarted or flushed server). */
    private volatile boolean scriptsLoaded;

    CommandPipeline(RedisDataSource redis, Duration timeout, List<LuaScript> scripts, String operation) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.redis = redis;
        this.client = redis.getReactive().getRedis().getDelegate();
        this.timeout = timeout;
        this.scripts = List.copyOf(scripts);
        this.operation = operation;
        this.scriptsLoaded = scripts.isEmpty();
    }

    /** The replies of every script chain, in the order of {@code chains}; each inner list has one reply per call. */
    List<List<Response>> run(List<SlotChain> chains) {
        Response[][] replies = run(new Chains() {
            @Override
            public int size() {
                return chains.size();
            }

            @Override
            public int length(int chain) {
                return chains.get(chain).calls().size();
            }

            @Override
            public Request command(int chain, int call) {
                return chains.get(chain).calls().get(call).evalsha();
            }

            @Override
            public Request onNoScript(int chain, int call) {
                return chains.get(chain).calls().get(call).eval();
            }
        });
        List<List<Response>> out = new ArrayList<>(replies.length);
        for (Response[] chain : replies) {
            out.add(Arrays.asList(chain));
        }
        return out;
    }

    /** Independent single commands (no script), e.g. one DEL per key of different slots; their replies in order. */
    List<Response> runEach(List<Request> commands) {
        Response[][] replies = run(new Chains() {
            @Override
            public int size() {
                return commands.size();
            }

            @Override
            public int length(int chain) {
                return 1;
            }

            @Override
            public Request command(int chain, int call) {
                return commands.get(chain);
            }

            @Override
            public Request onNoScript(int chain, int call) {
                return null;
            }
        });
        List<Response> out = new ArrayList<>(replies.length);
        for (Response[] one : replies) {
            out.add(one[0]);
        }
        return out;
    }

    /** What a run sends: chains of commands, each command with what to send instead on NOSCRIPT (null: nothing). */
    private interface Chains {
        int size();

        int length(int chain);

        Request command(int chain, int call);

        Request onNoScript(int chain, int call);
    }

    private Response[][] run(Chains chains) {
        if (!scriptsLoaded) {
            loadMissingScripts();
        }
        RedisConnection connection = connect();
        try {
            return new Run(connection, chains).await();
        } finally {
            // back to the pool; replies still due after a timeout are read and dropped by the connection
            connection.close();
        }
    }

    private RedisConnection connect() {
        Future<RedisConnection> pending = client.connect();
        try {
            return pending.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // a connection that arrives after we gave up must still go back to the pool
            pending.onSuccess(RedisConnection::close);
            throw RedisCalls.unavailable(operation + " connect", e);
        } catch (ExecutionException e) {
            throw RedisCalls.unavailable(operation + " connect", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RedisCalls.unavailable(operation + " connect", e);
        }
    }

    /**
     * SCRIPT EXISTS, then SCRIPT LOAD of any the server lacks, so it answers EVALSHA at once. A cluster client asks one
     * node, so {@link Run} still falls back to EVAL on NOSCRIPT; here what matters is the data source's timeout.
     */
    private void loadMissingScripts() {
        String[] exists = new String[scripts.size() + 1];
        exists[0] = "EXISTS";
        for (int i = 0; i < scripts.size(); i++) {
            exists[i + 1] = scripts.get(i).sha();
        }
        io.vertx.mutiny.redis.client.Response known = RedisCalls.call(operation + " SCRIPT EXISTS",
                () -> redis.execute(Command.SCRIPT, exists));
        for (int i = 0; i < scripts.size(); i++) {
            if (known.get(i).toInteger() == 0) {
                String body = scripts.get(i).body();
                RedisCalls.run(operation + " SCRIPT LOAD", () -> redis.execute(Command.SCRIPT, "LOAD", body));
            }
        }
        scriptsLoaded = true;
    }

    /**
     * One pipelined run. The caller starts the first {@link #IN_FLIGHT} chains; each reply (on the client's event
     * loop) sends its chain's next command, and each settled chain starts the next chain, so at most that many wait.
     */
    private final class Run {
        private final RedisConnection connection;
        private final Chains chains;
        private final Response[][] replies;
        private final AtomicInteger nextChain = new AtomicInteger();
        private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        private final AtomicLong replyCount = new AtomicLong();
        private final CountDownLatch settled;

        Run(RedisConnection connection, Chains chains) {
            this.connection = connection;
            this.chains = chains;
            this.replies = new Response[chains.size()][];
            for (int i = 0; i < replies.length; i++) {
                replies[i] = new Response[chains.length(i)];
            }
            this.settled = new CountDownLatch(chains.size());
        }

        Response[][] await() {
            for (int i = 0; i < IN_FLIGHT; i++) {
                startNextChain();
            }
            try {
                long seen = -1;
                // a run may take longer than the timeout in all; it fails when the server stops answering
                while (!settled.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    long now = replyCount.get();
                    if (now == seen) {
                        firstFailure.compareAndSet(null, new TimeoutException("no reply from Redis within " + timeout));
                        break;
                    }
                    seen = now;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                firstFailure.compareAndSet(null, e);
            }
            Throwable failure = firstFailure.get();
            if (failure != null) {
                throw RedisCalls.unavailable(operation, failure);
            }
            return replies;
        }

        /** Starts the next chain not yet started; after a failure, settles the rest unsent instead. */
        private void startNextChain() {
            while (true) {
                int chain = nextChain.getAndIncrement();
                if (chain >= replies.length) {
                    return;
                }
                if (firstFailure.get() == null) {
                    send(chain, 0);
                    return;
                }
                settled.countDown();
            }
        }

        private void send(int chain, int call) {
            connection.send(chains.command(chain, call))
                    .recover(failure -> {
                        Request instead = chains.onNoScript(chain, call);
                        if (instead == null || !isNoScript(failure)) {
                            return Future.failedFuture(failure);
                        }
                        scriptsLoaded = false;
                        return connection.send(instead);
                    })
                    .onComplete(reply -> {
                        replyCount.incrementAndGet();
                        if (reply.failed()) {
                            firstFailure.compareAndSet(null, reply.cause());
                        } else {
                            replies[chain][call] = reply.result();
                            if (call + 1 < replies[chain].length && firstFailure.get() == null) {
                                send(chain, call + 1);
                                return;
                            }
                        }
                        settled.countDown();
                        startNextChain();
                    });
        }
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }
}
