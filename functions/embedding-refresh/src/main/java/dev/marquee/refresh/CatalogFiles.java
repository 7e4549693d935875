package dev.marquee.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.Json;
import dev.marquee.adapters.json.PlainJson;
import dev.marquee.domain.catalog.ItemValidator;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.LakeFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The catalog as the lake holds it: JSON-lines files under {@code catalog/} ({@code .jsonl} or {@code .jsonl.gz}),
 * one item per line in the format of {@code POST /v1/items:import}, validated by the same {@link ItemValidator}.
 * Later files win for the same item id; invalid lines are counted and skipped (the import API reports them).
 */
final class CatalogFiles {
    static final String PREFIX = "catalog/";

    record Catalog(List<Item> items, int files, int invalidLines) {
    }

    private CatalogFiles() {
    }

    static Catalog read(LakeFiles files) {
        ObjectMapper json = Json.newMapper();
        ItemValidator validator = new ItemValidator();
        Map<String, Item> items = new LinkedHashMap<>();
        int invalid = 0;
        int count = 0;
        for (String key : files.list(PREFIX)) {
            if (!key.endsWith(".jsonl") && !key.endsWith(".jsonl.gz")) {
                continue;
            }
            count++;
            try (InputStream raw = files.open(key).orElseThrow();
                 InputStream in = key.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode node = json.readTree(line);
                        ItemValidator.Result result = node.isObject() ? validator.validate(null, PlainJson.fields(node)) : null;
                        if (result != null && result.valid()) {
                            items.put(result.item().itemId(), result.item());
                        } else {
                            invalid++;
                        }
                    } catch (IOException e) {
                        invalid++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + key, e);
            }
        }
        return new Catalog(List.copyOf(new ArrayList<>(items.values())), count, invalid);
    }
}
