package dev.marquee.devtools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The api's local server (functions/api built with -Plocal) as a child process on a loopback port. */
final class ApiProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final URI base;

    private ApiProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Starts it with the given marquee.* / quarkus.* settings and waits until /q/health/ready answers 200. */
    static ApiProcess start(Path java, Path jar, int port, Map<String, String> settings, Path log, Duration readyWithin)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-XX:+UseParallelGC"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.log.console.json.enabled=false");
        command.add("-jar");
        command.add(jar.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApiProcess api = new ApiProcess(p, log, URI.create("http://127.0.0.1:" + port));
        try {
            api.awaitReady(readyWithin);
        } catch (IOException | InterruptedException | RuntimeException e) {
            api.close();
            throw e;
        }
        return api;
    }

    URI base() {
        return base;
    }

    private void awaitReady(Duration within) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the api exited with " + process.exitValue() + "; its log:\n" + tail());
            }
            try {
                last = client.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the api was not ready within " + within + " (last status " + last + "); its log:\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
