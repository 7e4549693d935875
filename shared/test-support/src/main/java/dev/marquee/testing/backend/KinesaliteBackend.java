package dev.marquee.testing.backend;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kinesalite, an in-memory Kinesis server in JavaScript, run by this machine's node on a kernel-chosen port of
 * 127.0.0.1 only. Installed with npm into {@link #installDir()} on first use (target/kinesalite by default, or
 * the system property {@code marquee.kinesalite.dir}); later starts reuse it. Streams leave CREATING at once.
 *
 * <p>Without node and npm on the PATH, {@link #start()} throws; tests check {@link #available()} first and skip.
 */
public final class KinesaliteBackend implements LocalBackend {
    public static final String VERSION = "3.3.3";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final String READY = "KINESALITE_LISTENING ";
    /** FileLock guards against other JVMs only; threads of this one queue here. */
    private static final Object INSTALL_LOCK = new Object();

    /** Runs in the install folder, so require() finds its node_modules. */
    private static final String SCRIPT = """
            const server = require('kinesalite')({createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 1000});
            server.listen(0, '127.0.0.1', () => {
              const a = server.address();
              console.log('%s' + a.address + ' ' + a.port);
            });
            // the JVM holds our stdin: when it closes it (close()) or dies, the server goes too, never orphaned
            process.stdin.on('end', () => process.exit(0));
            process.stdin.on('error', () => process.exit(0));
            process.stdin.resume();
            """.formatted(READY);

    private final Process process;
    private final URI endpoint;
    private final Duration startup;
    private final Deque<String> output;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KinesaliteBackend(Process process, URI endpoint, Duration startup, Deque<String> output) {
        this.process = process;
        this.endpoint = endpoint;
        this.startup = startup;
        this.output = output;
    }

    /** Whether node and npm are on the PATH. */
    public static boolean available() {
        return missingTools().isEmpty();
    }

    public static Path installDir() {
        return Path.of(System.getProperty("marquee.kinesalite.dir", "target/kinesalite")).toAbsolutePath();
    }

    /** Installs kinesalite if needed, starts it and waits until it answers. */
    public static KinesaliteBackend start() {
        List<String> missing = missingTools();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("kinesalite needs node and npm on the PATH; missing: " + String.join(", ", missing));
        }
        Path dir = installDir();
        install(dir);
        long t0 = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder("node", "-e", SCRIPT).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run node", e);
        }
        Deque<String> output = new ArrayDeque<>();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(process, output, ready), "kinesalite-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        KinesaliteBackend backend = null;
        try {
            String[] hostPort = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS).split(" ");
            if (!hostPort[0].equals(FreePort.LOOPBACK)) {
                throw new IllegalStateException("kinesalite bound to " + hostPort[0] + ", not " + FreePort.LOOPBACK);
            }
            URI endpoint = URI.create("http://" + FreePort.LOOPBACK + ":" + hostPort[1]);
            new KinesaliteClient(endpoint).streams(); // listening is not yet answering: one real call proves it
            backend = new KinesaliteBackend(process, endpoint, Duration.ofNanos(System.nanoTime() - t0), output);
            return backend;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("kinesalite did not start: " + tail(output), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting kinesalite", e);
        } finally {
            if (backend == null) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    int port() {
        return endpoint.getPort();
    }

    /** The node process, e.g. to find it in {@code ss -ltnp}. */
    public long pid() {
        return process.pid();
    }

    /** How long {@link #start} took from launching node until the server answered (the install not included). */
    public Duration startupTime() {
        return startup;
    }

    /** A client for creating streams and reading records back. */
    public KinesaliteClient client() {
        return new KinesaliteClient(endpoint);
    }

    /** What node printed lately, for failure messages. */
    public String recentOutput() {
        return tail(output);
    }

    /** Stops the server and waits for the process to end; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            process.getOutputStream().close(); // node exits when its stdin ends
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** npm install into {@code dir} unless a previous run finished one; a file lock keeps two JVMs from racing. */
    static void install(Path dir) {
        synchronized (INSTALL_LOCK) {
            installLocked(dir);
        }
    }

    private static void installLocked(Path dir) {
        Path marker = dir.resolve(".installed-kinesalite-" + VERSION);
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (Files.exists(marker) && Files.isDirectory(dir.resolve("node_modules/kinesalite"))) {
                    return;
                }
                Path log = dir.resolve("npm-install.log");
                // --omit=optional: no leveldown (native, only for on-disk stores); --ignore-scripts: nothing runs at install
                Process npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "kinesalite@" + VERSION,
                        "--no-audit", "--no-fund", "--omit=optional", "--ignore-scripts", "--loglevel=error")
                        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    npm.destroyForcibly();
                    throw new IllegalStateException("npm install kinesalite@" + VERSION + " took over " + INSTALL_TIMEOUT + "; see " + log);
                }
                if (npm.exitValue() != 0) {
                    throw new IllegalStateException("npm install kinesalite@" + VERSION + " failed (exit " + npm.exitValue()
                            + "): " + Files.readString(log).strip());
                }
                Files.writeString(marker, VERSION);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install kinesalite into " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing kinesalite", e);
        }
    }

    /** Reads node's output to its end, so it never blocks on a full pipe; completes {@code ready} with "host port". */
    private static void pump(Process process, Deque<String> output, CompletableFuture<String> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!ready.isDone() && line.startsWith(READY)) {
                    ready.complete(line.substring(READY.length()).strip());
                    continue;
                }
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > 50) {
                        output.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; ready fails below if it never came up
        }
        ready.completeExceptionally(new IllegalStateException("node exited before listening"));
    }

    private static String tail(Deque<String> output) {
        synchronized (output) {
            return output.isEmpty() ? "(no output)" : String.join("\n", output);
        }
    }

    private static List<String> missingTools() {
        return List.of("node", "npm").stream().filter(tool -> onPath(tool).isEmpty()).toList();
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, tool);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
