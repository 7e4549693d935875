package dev.marquee.testing.backend;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A real Redis server process (the binary shipped in {@code com.github.codemonstur:embedded-redis}) on a free
 * port of 127.0.0.1. No persistence: a restarted server is empty, as a replaced cache node would be.
 * {@link #stop()} and {@link #restart()} let a test simulate an outage and a recovery on the same endpoint.
 * {@link #startClusterNode()} starts one in cluster mode (as ElastiCache Serverless runs), which refuses any command
 * or script whose keys span hash slots; the caller assigns it the slots (CLUSTER ADDSLOTS) through its own client.
 */
public final class RedisServerBackend implements LocalBackend {
    private static final int START_ATTEMPTS = 3;
    /** Redis 6 puts a cluster node's bus on its port + 10000, which must be a port too, and free. */
    private static final int CLUSTER_BUS_OFFSET = 10_000;
    private static final int LOG_LINES_KEPT = 50;

    private final int port;
    private final RedisServer server;
    /** The last lines the server printed, for the message of a failed start; reading them also drains its pipes. */
    private final Deque<String> log = new ArrayDeque<>();

    private RedisServerBackend(int port, boolean cluster) throws IOException {
        this.port = port;
        var builder = RedisServer.newRedisServer();
        if (cluster) {
            // the node's state file goes next to the build's other temporary files, never into the source tree
            Path nodes = Path.of(System.getProperty("java.io.tmpdir"), "redis-nodes-" + port + ".conf");
            Files.deleteIfExists(nodes);
            builder.setting("cluster-enabled yes").setting("cluster-config-file " + nodes.toAbsolutePath());
        }
        this.server = builder
                .port(port)
                // loopback only, and protected mode as a second guard: nothing outside this machine can reach it
                .bind(FreePort.LOOPBACK)
                .setting("protected-mode yes")
                // a cache for tests: never write dump.rdb or an AOF anywhere
                .setting("save \"\"")
                .setting("appendonly no")
                // keep the default log level (notice): start() waits for the "Ready to accept connections" notice
                .soutListener(this::remember)
                .serrListener(this::remember)
                .build();
    }

    /** Starts a server on a free loopback port, retrying on another port if one was taken in between. */
    public static RedisServerBackend start() {
        return start(false);
    }

    /** Starts a single cluster-mode node that does not own any slot yet. */
    public static RedisServerBackend startClusterNode() {
        return start(true);
    }

    private static RedisServerBackend start(boolean cluster) {
        IOException last = null;
        String printed = "";
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            RedisServerBackend backend = null;
            try {
                backend = new RedisServerBackend(cluster ? freeClusterPort() : FreePort.next(), cluster);
                backend.server.start();
                return backend;
            } catch (IOException e) {
                last = e;
                if (backend != null) {
                    printed = backend.recentLog();
                    backend.stop();
                }
            }
        }
        throw new UncheckedIOException("could not start a Redis server on 127.0.0.1; it printed: " + printed, last);
    }

    private static int freeClusterPort() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = FreePort.next();
            if (port + CLUSTER_BUS_OFFSET <= 65_535 && FreePort.isFree(port + CLUSTER_BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port below 55536 with a free cluster bus port; check ip_local_port_range");
    }

    @Override
    public URI endpoint() {
        return URI.create("redis://" + FreePort.LOOPBACK + ":" + port);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return server.isActive();
    }

    /** Kills the server process (an outage); the port stays this backend's for {@link #restart()}. No-op if stopped. */
    public synchronized void stop() {
        if (!server.isActive()) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the Redis server on port " + port, e);
        }
    }

    /** Starts the stopped server again on the same port, empty. No-op if it is running. */
    public synchronized void restart() {
        if (server.isActive()) {
            return;
        }
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the Redis server on port " + port + "; it printed: "
                    + recentLog(), e);
        }
    }

    /**
     * Freezes the server process (SIGSTOP): connections stay open but nothing answers, as when a cache node
     * hangs or the network partitions; unlike {@link #stop()}, {@link #resume()} brings it back with its data.
     */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** Thaws a server frozen by {@link #pause()}. */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        java.util.List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("redis-server")).toList();
        // several servers in this JVM: the one whose command line names this port
        ProcessHandle process = (servers.size() == 1 ? servers.stream()
                : servers.stream().filter(p -> p.info().commandLine().orElse("").contains(Integer.toString(port))))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no single redis-server process for port " + port + ": " + servers));
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        resumeQuietly();
        stop();
    }

    private void resumeQuietly() {
        try {
            resume();
        } catch (RuntimeException ignored) {
            // not paused, or already gone: stopping is what matters here
        }
    }

    private void remember(String line) {
        synchronized (log) {
            if (log.size() == LOG_LINES_KEPT) {
                log.removeFirst();
            }
            log.addLast(line);
        }
    }

    private String recentLog() {
        synchronized (log) {
            return String.join(System.lineSeparator(), log);
        }
    }
}
