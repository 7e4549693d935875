package dev.marquee.devtools.packaging;

import dev.marquee.testing.lambda.LambdaRuntimeApiStub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A function started as Lambda starts it, against a loopback Runtime API stub: the Lambda environment variables,
 * the embedded backend (no AWS account; a throw-away lake folder, no synthetic seeding) and its output in a log file.
 */
public final class FunctionProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private FunctionProcess(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * @param command  the bootstrap, or a java command line
     * @param taskRoot LAMBDA_TASK_ROOT and the working directory
     * @param extraEnv added to (and overriding) the Lambda environment
     */
    public static FunctionProcess start(List<String> command, Path taskRoot, LambdaRuntimeApiStub runtimeApi, String function,
                                        Path scratch, Map<String, String> extraEnv) {
        try {
            Files.createDirectories(scratch);
            Path log = scratch.resolve(function + "-" + System.nanoTime() + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(taskRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.remove("JAVA_TOOL_OPTIONS");
            env.remove("JDK_JAVA_OPTIONS");
            env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("_HANDLER", LambdaFunction.HANDLER);
            env.put("AWS_LAMBDA_FUNCTION_NAME", "marquee-local-" + function);
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/marquee-local-" + function);
            env.put("AWS_REGION", "us-east-1");
            env.put("TZ", "UTC");
            env.put("MARQUEE_BACKEND", "embedded");
            env.put("MARQUEE_LOCAL_SEED", "false");
            env.put("MARQUEE_LOCAL_LAKE_DIR", Files.createDirectories(scratch.resolve("lake-" + function)).toString());
            env.putAll(extraEnv);
            long started = System.nanoTime();
            return new FunctionProcess(pb.start(), log, started);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** CPU time the function's process has used so far (user + system, all its threads); -1 when the OS does not say. */
    public double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the function printed, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks the JVM to exit (SIGTERM: shutdown hooks run, a training run writes its AOT cache) and waits. */
    public int stop(long timeoutSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the function did not exit within " + timeoutSeconds + " s; log:\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
