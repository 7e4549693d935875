package dev.marquee.testing.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marquee.testing.backend.FreePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The AWS Lambda Runtime API (2018-06-01) on 127.0.0.1, so a function's real poll loop can be driven in tests
 * and benchmarks: {@link #invoke} queues an event for the next {@code GET /invocation/next} and waits for the
 * function's {@code POST /invocation/{id}/response} (or {@code /error}).
 */
public final class LambdaRuntimeApiStub implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    private record Invocation(String requestId, String event) {
    }

    /** The function failed the invocation; the message is the error document it posted. */
    public static final class FunctionError extends RuntimeException {
        public FunctionError(String errorDocument) {
            super(errorDocument);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-runtime-api-stub");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> results = new ConcurrentHashMap<>();

    private LambdaRuntimeApiStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(FreePort.LOOPBACK), port), 64);
        server.setExecutor(threads);
        server.createContext(BASE, this::handle);
        server.start();
    }

    public static LambdaRuntimeApiStub start() {
        try {
            return new LambdaRuntimeApiStub(FreePort.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return FreePort.LOOPBACK + ":" + server.getAddress().getPort();
    }

    /** Sends one event through the function and returns its response document. */
    public String invoke(String eventJson, Duration timeout) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<String> result = new CompletableFuture<>();
        results.put(id, result);
        pending.add(new Invocation(id, eventJson));
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no response from the function within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            results.remove(id);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        try (exchange) {
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                Invocation next = pending.poll(30, TimeUnit.SECONDS);
                if (next == null) {
                    // the poll loop simply asks again; Lambda's own long poll behaves alike
                    reply(exchange, 204, "");
                    return;
                }
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:marquee-test");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                reply(exchange, 200, next.event());
            } else if (path.startsWith("invocation/") && exchange.getRequestMethod().equals("POST")) {
                String[] parts = path.split("/");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                CompletableFuture<String> result = results.get(parts[1]);
                if (result != null) {
                    if (parts.length > 2 && parts[2].equals("response")) {
                        result.complete(body);
                    } else {
                        result.completeExceptionally(new FunctionError(body));
                    }
                }
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("init/error")) {
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"unknown path\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
