package dev.marquee.devtools.packaging;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.marquee.testing.lambda.LambdaRuntimeApiStub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench coldstart}: for each function and packaging, the time from starting the process to the first answered
 * invocation from a loopback Runtime API stub (median of fresh processes, after one untimed run that warms the page
 * cache), and the package's size. Each package is unzipped to a new folder first, as Lambda does.
 * <ul>
 * <li>{@code jvm}: Quarkus's function.zip on this machine's JDK 25, started as the managed java25 runtime starts it
 * (task root and lib/*.jar on the classpath, the runtime interface client's poll loop, the JAVA_TOOL_OPTIONS the CDK
 * app sets). SnapStart, which Lambda adds to it, cannot run here.</li>
 * <li>{@code jvm-aot}: the package's own bootstrap, with {@code -XX:AOTMode=on} so a cache that does not load fails the
 * run instead of silently slowing it.</li>
 * </ul>
 * A function's {@link StandIns} (retrain's AWS on loopback) start once per function and are reset before every run.
 */
public final class ColdStartBench {
    static final List<String> MODES = List.of("jvm", "jvm-aot");
    /** What the CDK app sets on packaging=jvm functions (MarqueeFunction). */
    static final String JVM_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private ColdStartBench() {
    }

    /** One process: wall-clock and CPU milliseconds to the first answer. */
    record Run(double wallMs, double cpuMs) {
    }

    record Result(String function, String mode, double medianMs, double minMs, double maxMs, double cpuMedianMs, double packageMib) {
        String json() {
            return String.format(Locale.ROOT, "{\"bench\":\"coldstart\",\"function\":\"%s\",\"mode\":\"%s\",\"first_response_ms\":%.0f,\"package_mb\":%.1f}",
                    function, mode, medianMs, packageMib);
        }
    }

    public static int run(String[] args) throws IOException {
        int runs = 5;
        List<String> functions = LambdaFunction.PACKAGED;
        List<String> modes = MODES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--function" -> functions = Arrays.asList(args[++i].split(","));
                case "--mode" -> modes = Arrays.asList(args[++i].split(","));
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: ./marquee bench coldstart [--runs N] [--function api,ingest,retrain] [--mode jvm,jvm-aot]

                            For each function and packaging: milliseconds from process start to the first answered invocation
                            from a Lambda Runtime API stub on 127.0.0.1 (median of N fresh processes, default 5, after one
                            untimed warm-up run), and the zip's size in MiB. api and ingest run on the embedded backend;
                            retrain answers a schedule tick against a SageMaker stub, S3Mock and DynamoDB Local, all on
                            127.0.0.1. Builds missing packages first (./marquee package).
                            Ends with one JSON line per function and mode: {"bench":"coldstart","function":...,"mode":...,
                            "first_response_ms":...,"package_mb":...}""");
                    return 0;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    return 2;
                }
            }
        }
        if (runs < 1 || !MODES.containsAll(modes)) {
            System.err.println("--runs must be at least 1 and --mode one of " + MODES);
            return 2;
        }
        Path repo = Path.of("").toAbsolutePath();
        Path work = repo.resolve("shared/devtools/target/coldstart");
        for (String f : functions) {
            for (String mode : modes) {
                Path zip = zip(LambdaFunction.of(repo, f), mode);
                if (!Files.isRegularFile(zip)) {
                    System.err.println(zip + " is missing: run ./marquee package --mode " + mode + " --function " + f);
                    return 1;
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (String f : functions) {
            LambdaFunction function = LambdaFunction.of(repo, f);
            String event = Files.readString(function.benchEvent());
            try (StandIns standIns = StandIns.start(function, work.resolve("scratch"))) {
                results.addAll(bench(function, modes, runs, work, event, standIns));
            }
        }
        print(results, runs);
        return 0;
    }

    /** Every mode of one function, its stand-ins (if any) shared by all runs: started once, reset before each run. */
    private static List<Result> bench(LambdaFunction function, List<String> modes, int runs, Path work, String event, StandIns standIns)
            throws IOException {
        String f = function.name();
        List<Result> results = new ArrayList<>();
        for (String mode : modes) {
            Path zip = zip(function, mode);
            Path dir = work.resolve(f + "-" + mode);
            JvmAotPackager.deleteTree(dir);
            Files.createDirectories(dir);
            JvmAotPackager.run(dir, List.of("unzip", "-q", zip.toString()));
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int r = 0; r <= runs; r++) {
                standIns.reset();
                Run t = firstResponse(function, mode, dir, work, event, standIns);
                if (r > 0) {
                    wall.add(t.wallMs());
                    cpu.add(t.cpuMs());
                }
                System.out.printf(Locale.ROOT, "  %-7s %-8s %s %5.0f ms (%4.0f ms CPU)%n", f, mode, r == 0 ? "warm-up" : "run " + r + "  ",
                        t.wallMs(), t.cpuMs());
            }
            List<Double> sorted = wall.stream().sorted().toList();
            results.add(new Result(f, mode, median(sorted), sorted.getFirst(), sorted.getLast(), median(cpu.stream().sorted().toList()),
                    JvmAotPackager.mib(Files.size(zip))));
        }
        return results;
    }

    private static void print(List<Result> results, int runs) {
        System.out.println();
        System.out.println("Cold start on this machine (" + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ", Runtime API stub on 127.0.0.1, " + runs + " runs): process start -> first answered invocation");
        System.out.println("(CPU: the function process's user + system time to that point; it does not grow with the machine's load)");
        System.out.printf(Locale.ROOT, "%-8s %-8s %12s %8s %8s %14s %12s%n", "function", "mode", "median ms", "min", "max", "median CPU ms", "package MiB");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-8s %-8s %12.0f %8.0f %8.0f %14.0f %12.1f%n", r.function(), r.mode(), r.medianMs(), r.minMs(), r.maxMs(),
                    r.cpuMedianMs(), r.packageMib());
        }
        results.forEach(r -> System.out.println(r.json()));
    }

    private static Path zip(LambdaFunction function, String mode) {
        return mode.equals("jvm") ? function.jvmZip() : function.jvmAotZip();
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Run firstResponse(LambdaFunction function, String mode, Path dir, Path work, String event, StandIns standIns) {
        Map<String, String> env = new HashMap<>(standIns.env());
        env.putAll(env(mode));
        try (LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
             FunctionProcess fn = FunctionProcess.start(command(mode, dir), dir, runtimeApi, function.name(), work.resolve("scratch"), env)) {
            try {
                runtimeApi.invoke(event, Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                throw new IllegalStateException(function.name() + " (" + mode + ") did not answer: " + e.getMessage() + "\nlog:\n" + fn.logTail(), e);
            }
            double wall = (System.nanoTime() - fn.startedNanos()) / 1e6;
            return new Run(wall, fn.cpuMillis());
        }
    }

    private static List<String> command(String mode, Path dir) {
        if (mode.equals("jvm-aot")) {
            return List.of("./bootstrap");
        }
        // the managed runtime's classpath: the task root (the runner jar's classes) then lib/*.jar; its poll loop
        String classpath = dir + ":" + dir.resolve("lib") + "/*:" + JvmAotPackager.jarOf(AWSLambda.class) + ":"
                + JvmAotPackager.jarOf(PojoSerializer.class);
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-cp", classpath,
                BootstrapScript.RUNTIME_CLIENT_MAIN, LambdaFunction.HANDLER);
    }

    private static Map<String, String> env(String mode) {
        return mode.equals("jvm-aot")
                ? Map.of("MARQUEE_AOT_OPTIONS", "-XX:AOTCache=" + BootstrapScript.AOT_CACHE + " -XX:AOTMode=on")
                : Map.of("JAVA_TOOL_OPTIONS", JVM_TOOL_OPTIONS);
    }
}
