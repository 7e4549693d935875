package dev.marquee.adapters.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The candidate-list files of a model bundle ({@code models/<version>/}), written by the training job and read by
 * the publish step: gzip JSON lines, one list per line, {@code {"key":"u1","items":[["i3",0.93,"ials"],...]}}.
 * File names per kind are {@link #fileOf}.
 */
public final class BundleFiles {
    public static final String MANIFEST = "manifest.json";
    public static final String METRICS = "metrics.json";

    private static final ObjectMapper JSON = Json.newMapper();

    private BundleFiles() {
    }

    /** candidates.jsonl.gz (per user), similar.jsonl.gz (per item), popularity.jsonl.gz (per segment). */
    public static String fileOf(CandidateKind kind) {
        return switch (kind) {
            case USER -> "candidates.jsonl.gz";
            case SIMILAR -> "similar.jsonl.gz";
            case SEGMENT -> "popularity.jsonl.gz";
        };
    }

    public static byte[] write(Map<String, List<Candidate>> lists) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes, 64 * 1024), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, List<Candidate>> e : lists.entrySet()) {
                ObjectNode line = JSON.createObjectNode();
                line.put("key", e.getKey());
                ArrayNode items = line.putArray("items");
                for (Candidate c : e.getValue()) {
                    items.addArray().add(c.itemId()).add(c.score()).add(c.source());
                }
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Streams the lists of a file, in file order, without holding the whole bundle. */
    public static void read(byte[] gzipped, BiConsumer<String, List<Candidate>> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gzipped), 64 * 1024), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                List<Candidate> items = new java.util.ArrayList<>(n.path("items").size());
                for (JsonNode c : n.path("items")) {
                    items.add(new Candidate(c.get(0).asText(), c.get(1).asDouble(), c.get(2).asText()));
                }
                sink.accept(n.path("key").asText(), items);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a bundle list file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, List<Candidate>> readAll(byte[] gzipped) {
        Map<String, List<Candidate>> out = new LinkedHashMap<>();
        read(gzipped, out::put);
        return out;
    }
}
