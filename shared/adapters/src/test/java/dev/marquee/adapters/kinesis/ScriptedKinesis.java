package dev.marquee.adapters.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marquee.adapters.json.EventCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake Kinesis on a loopback port that answers PutRecords as a test scripts it: kinesalite cannot be made to
 * throttle single records, and this is how the retry paths meet a real HTTP exchange. It records every request.
 */
final class ScriptedKinesis implements AutoCloseable {
    private static final EventCodec CODEC = new EventCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived: header names lower-cased. */
    record Call(String method, String path, Map<String, List<String>> headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }

        List<String> eventIds() {
            List<String> ids = new ArrayList<>();
            json().path("Records").forEach(r -> ids.add(CODEC.decode(new String(
                    Base64.getDecoder().decode(r.path("Data").asText()), StandardCharsets.UTF_8)).eventId()));
            return ids;
        }

        /** Bytes of data plus partition key, what Kinesis' 5 MiB request limit counts. */
        long recordBytes() {
            long sum = 0;
            for (JsonNode r : json().path("Records")) {
                sum += Base64.getDecoder().decode(r.path("Data").asText()).length
                        + r.path("PartitionKey").asText().getBytes(StandardCharsets.UTF_8).length;
            }
            return sum;
        }
    }

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** {@code script} answers each call; it sees the calls before it in {@link #calls()}. */
    ScriptedKinesis(Function<Call, Answer> script) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> answer(exchange, script));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return calls;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, Function<Call, Answer> script) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                    exchange.getRequestBody().readAllBytes());
            Answer a;
            try {
                a = script.apply(call);
            } finally {
                calls.add(call);
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** A 200 where record i fails with {@code errorCodeOf.apply(eventId)} when that is not null. */
    static Answer perRecord(Call call, Function<String, String> errorCodeOf) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode records = JSON.createArrayNode();
        int failed = 0;
        int i = 0;
        for (String eventId : call.eventIds()) {
            String code = errorCodeOf.apply(eventId);
            if (code == null) {
                records.addObject().put("SequenceNumber", "4959" + (1000 + i++)).put("ShardId", "shardId-000000000000");
            } else {
                failed++;
                records.addObject().put("ErrorCode", code).put("ErrorMessage", "scripted by the test");
            }
        }
        out.put("FailedRecordCount", failed).set("Records", records);
        return new Answer(200, out.toString());
    }

    static Answer allTaken(Call call) {
        return perRecord(call, id -> null);
    }

    /** A whole-request error as Kinesis writes it. */
    static Answer error(int status, String type) {
        return new Answer(status, JSON.createObjectNode().put("__type", type).put("message", "scripted by the test").toString());
    }
}
