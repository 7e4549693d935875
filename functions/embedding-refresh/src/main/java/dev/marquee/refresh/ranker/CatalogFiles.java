package dev.marquee.refresh.ranker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.LakeFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The catalog files operators drop under {@code catalog/} in the lake (JSON lines as {@code POST /v1/items:import}
 * reads them), as items for the ranker's item features. Lenient: a line it cannot read is skipped (the api's import
 * reports those); later files win for the same item id.
 */
public final class CatalogFiles {
    private CatalogFiles() {
    }

    public static Map<String, Item> read(LakeFiles files) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Item> items = new HashMap<>();
        for (String key : files.list("catalog/")) {
            if (!key.endsWith(".jsonl") && !key.endsWith(".jsonl.gz")) {
                continue;
            }
            try (InputStream raw = files.open(key).orElseThrow();
                 InputStream in = key.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Item item = item(json, line);
                    if (item != null) {
                        items.put(item.itemId(), item);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("catalog file " + key, e);
            }
        }
        return items;
    }

    private static Item item(ObjectMapper json, String line) {
        try {
            JsonNode n = json.readTree(line);
            if (n == null || !n.path("item_id").isTextual()) {
                return null;
            }
            Instant released = n.path("released_at").isTextual() ? Instant.parse(n.get("released_at").asText()) : null;
            return new Item(n.get("item_id").asText(), n.path("title").asText(null), strings(n.path("genres")), List.of(),
                    n.path("content_type").asText(null), released, new HashSet<>(strings(n.path("available_countries"))), Map.of());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

}
