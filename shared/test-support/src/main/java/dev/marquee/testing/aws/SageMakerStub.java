package dev.marquee.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marquee.testing.backend.FreePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the SageMaker API (JSON 1.1) on 127.0.0.1, for tests: SageMaker has no local emulator. It records
 * every request as it arrived and answers as SageMaker does where the tests need it:
 * <ul>
 *   <li>{@code CreateTrainingJob}: 200 with the job ARN; a second create of the same name is a 400
 *       {@code ResourceInUse}, SageMaker's answer for a duplicate job name;</li>
 *   <li>{@code DescribeTrainingJob}: the job's name, status {@code InProgress} and hyperparameters; an unknown name
 *       is a 400 {@code ValidationException} "Requested resource not found.";</li>
 *   <li>anything else: 400 {@code UnknownOperationException}.</li>
 * </ul>
 * {@link #failNext} makes the next call fail with a given status and error type.
 */
public final class SageMakerStub implements AutoCloseable {
    public static final String ACCOUNT = "123456789012";

    /** One request as it arrived: header names lower-cased, the body parsed. */
    public record Call(String operation, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : String.join(",", v);
        }
    }

    private record Failure(int status, String type) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> jobs = new ConcurrentHashMap<>();
    private final AtomicReference<Failure> nextFailure = new AtomicReference<>();

    private SageMakerStub(HttpServer server) {
        this.server = server;
        server.createContext("/", this::answer);
        server.start();
    }

    public static SageMakerStub start() {
        try {
            return new SageMakerStub(HttpServer.create(new InetSocketAddress(InetAddress.getByName(FreePort.LOOPBACK), 0), 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + FreePort.LOOPBACK + ":" + server.getAddress().getPort());
    }

    /** Every request so far, in arrival order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The requests for one operation, e.g. {@code CreateTrainingJob}. */
    public List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** The next call (whatever it is) fails with this HTTP status and {@code __type}. */
    public void failNext(int status, String type) {
        nextFailure.set(new Failure(status, type));
    }

    /** Forgets recorded calls and jobs (a stub shared by several tests). */
    public void reset() {
        calls.clear();
        jobs.clear();
        nextFailure.set(null);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            calls.add(new Call(operation, headers, body));
            Failure failure = nextFailure.getAndSet(null);
            if (failure != null) {
                reply(exchange, failure.status(), error(failure.type(), "scripted by the test"));
                return;
            }
            switch (operation) {
                case "CreateTrainingJob" -> create(exchange, body);
                case "DescribeTrainingJob" -> describe(exchange, body);
                default -> reply(exchange, 400, error("UnknownOperationException", "not stubbed: " + target));
            }
        }
    }

    private void create(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("TrainingJobName").asText();
        if (jobs.putIfAbsent(name, body) != null) {
            reply(exchange, 400, error("ResourceInUse", "Training job names must be unique within an AWS account and region, "
                    + "and a training job with this name already exists (" + arn(name) + ")"));
            return;
        }
        reply(exchange, 200, JSON.createObjectNode().put("TrainingJobArn", arn(name)));
    }

    private void describe(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("TrainingJobName").asText();
        JsonNode job = jobs.get(name);
        if (job == null) {
            reply(exchange, 400, error("ValidationException", "Requested resource not found."));
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("TrainingJobName", name).put("TrainingJobArn", arn(name)).put("TrainingJobStatus", "InProgress");
        out.set("HyperParameters", job.path("HyperParameters"));
        reply(exchange, 200, out);
    }

    private static String arn(String name) {
        return "arn:aws:sagemaker:us-east-1:" + ACCOUNT + ":training-job/" + name.toLowerCase(Locale.ROOT);
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
