package dev.marquee.devtools.packaging;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds {@code functions/<f>/target/jvm-aot/function.zip} for provided.al2023 from the function's Lambda build:
 * stage the jars, jlink a runtime with the modules jdeps finds, write the bootstrap, pin every file time, train the
 * AOT cache on the sample events, zip. The cache is only valid for this exact runtime, so it is trained with the
 * jlinked java itself; it records jar sizes and times, hence the pinned times (kept in the zip's extended fields).
 */
public final class JvmAotPackager {
    /** Every file of the package gets this time (2000-01-01T00:00:00Z): the cache checks jar times, the zip is reproducible. */
    static final FileTime PINNED = FileTime.fromMillis(946_684_800_000L);
    /** Lambda refuses packages larger than this unzipped. */
    static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;
    private static final int STEPS = 6;

    private final Path javaHome;
    private final long started = System.nanoTime();
    private String current = "";

    public JvmAotPackager(Path javaHome) {
        this.javaHome = javaHome;
    }

    public Path build(LambdaFunction function) {
        current = function.name();
        Path out = function.jvmAotZip().getParent();
        Path root = out.resolve("root");
        Path scratch = out.resolve("scratch");
        try {
            step(1, "staging the function's jars and the runtime interface client");
            Path runner = function.runnerJar();
            deleteTree(out);
            Files.createDirectories(root.resolve("app/lib"));
            Files.createDirectories(root.resolve("ric"));
            Files.copy(runner, root.resolve("app").resolve(runner.getFileName()));
            try (Stream<Path> libs = Files.list(function.libDir())) {
                for (Path jar : libs.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    ForeignNatives.copy(jar, root.resolve("app/lib").resolve(jar.getFileName()));
                }
            }
            List<String> classpath = new ArrayList<>();
            classpath.add("app/" + runner.getFileName()); // its manifest's Class-Path names app/lib/*.jar
            for (Path jar : List.of(jarOf(AWSLambda.class), jarOf(PojoSerializer.class))) {
                Files.copy(jar, root.resolve("ric").resolve(jar.getFileName()));
                classpath.add("ric/" + jar.getFileName());
            }

            step(2, "finding the JDK modules it needs (jdeps)");
            String jdepsClasspath = String.join(":", listJars(root.resolve("app/lib"), root.resolve("ric")));
            List<String> jdeps = new ArrayList<>(List.of(tool("jdeps"), "--ignore-missing-deps", "--print-module-deps",
                    "--multi-release", "25", "--class-path", jdepsClasspath));
            jdeps.addAll(classpath); // the roots: what the JVM loads first, and what they reach
            String modules = JavaModules.select(run(root, jdeps));
            System.out.println("    modules: " + modules);

            step(3, "linking a Java runtime with them (jlink)");
            run(root, List.of(tool("jlink"), "--add-modules", modules, "--strip-debug", "--no-header-files", "--no-man-pages",
                    "--output", "runtime"));

            step(4, "writing bootstrap, pinning file times");
            Path bootstrap = root.resolve("bootstrap");
            Files.writeString(bootstrap, BootstrapScript.render(classpath, LambdaFunction.HANDLER));
            Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
            pinTimes(root);

            step(5, "training the AOT cache on " + function.samples().size() + " sample events x " + AotTraining.ROUNDS
                    + " (the cache is assembled as the JVM exits)");
            int sent = AotTraining.train(root, function, scratch);
            pinTimes(root);
            System.out.printf(Locale.ROOT, "    %d invocations answered; %s %.1f MiB%n", sent, BootstrapScript.AOT_CACHE,
                    mib(Files.size(root.resolve(BootstrapScript.AOT_CACHE))));

            step(6, "zipping");
            Path zip = function.jvmAotZip();
            long unzipped = treeSize(root);
            if (unzipped > LAMBDA_UNZIPPED_LIMIT) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%.1f MiB unzipped: over Lambda's 250 MiB limit", mib(unzipped)));
            }
            // the zip's extended time fields keep the pinned times exact whatever the unzipping side's time zone
            run(root, List.of("zip", "-q", "-r", zip.toString(), "."), "TZ", "UTC");
            deleteTree(scratch);
            System.out.printf(Locale.ROOT, "[%s] done in %.0f s: %s (%.1f MiB, %.1f MiB unzipped)%n", current, seconds(),
                    zip, mib(Files.size(zip)), mib(unzipped));
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void step(int n, String what) {
        System.out.printf(Locale.ROOT, "[%s] %d/%d %s ... (%.0f s)%n", current, n, STEPS, what, seconds());
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private String tool(String name) {
        return javaHome.resolve("bin").resolve(name).toString();
    }

    /** The jar a class was loaded from: how the packager finds the runtime interface client it ships. */
    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> listJars(Path... dirs) throws IOException {
        List<String> jars = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> jars.add(p.toString()));
            }
        }
        return jars;
    }

    /** Runs a tool in {@code dir}; its output is returned, or shown when it fails. */
    static String run(Path dir, List<String> command, String... env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            for (int i = 0; i + 1 < env.length; i += 2) {
                pb.environment().put(env[i], env[i + 1]);
            }
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pinTimes(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, PINNED);
                }
            }
        }
    }

    private static long treeSize(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
