package dev.marquee.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.adapters.json.PlainJson;
import dev.marquee.domain.catalog.ItemValidator;
import dev.marquee.domain.ingest.FieldError;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.StoreUnavailableException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One catalog import: reads JSON lines (one item per line, gzip when the key ends in .gz), validates each with the
 * rules of PUT /v1/items, and writes the valid ones through {@link ItemCatalog#putAll} in batches as it goes, so memory
 * stays flat for any file size. Items are puts keyed by item_id, so running an import again is harmless.
 */
public final class CatalogImport {
    static final int BATCH = 500;
    static final int MAX_ERRORS = 100;

    private final ObjectMapper json;
    private final ItemValidator validator;
    private final ItemCatalog catalog;

    public CatalogImport(ObjectMapper json, ItemValidator validator, ItemCatalog catalog) {
        this.json = json;
        this.validator = validator;
        this.catalog = catalog;
    }

    /** One problem on one line of the file (1-based). */
    public record LineError(int line, String field, String reason) {
    }

    /** What an import did: non-blank lines read, items written, lines refused, and the first problems (its wire form too). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(String key, int lines, int imported, int rejected, List<LineError> errors, boolean errorsTruncated) {
    }

    /** A store failed mid-way: what was written before it stays written; the whole import can simply run again. */
    static final class Interrupted extends RuntimeException {
        final String store;
        final int line;
        final int imported;

        Interrupted(String store, int line, int imported, Throwable cause) {
            super(store + " failed at line " + line + " after " + imported + " items: " + cause.getMessage(), cause);
            this.store = store;
            this.line = line;
            this.imported = imported;
        }
    }

    public Report run(String key, InputStream object) {
        Run run = new Run();
        try (InputStream raw = object; BufferedReader in = reader(key, raw)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    run.line(number, line);
                }
            }
            run.flush(number);
        } catch (ZipException e) {
            throw new InvalidRequestException("key", "ends in .gz but is not valid gzip (read " + run.lines
                    + " lines, imported " + run.imported + " items before that)");
        } catch (IOException | UncheckedIOException e) {
            throw new Interrupted("lake", run.lines, run.imported, e);
        }
        return new Report(key, run.lines, run.imported, run.rejected, List.copyOf(run.errors), run.truncated);
    }

    private static BufferedReader reader(String key, InputStream object) throws IOException {
        InputStream in = key.endsWith(".gz") ? new GZIPInputStream(object, 64 * 1024) : object;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    }

    /** The state of one import as it reads. */
    private final class Run {
        final List<Item> pending = new ArrayList<>(BATCH);
        final Map<String, Integer> firstLineOf = new HashMap<>();
        final List<LineError> errors = new ArrayList<>();
        int lines;
        int imported;
        int rejected;
        boolean truncated;

        void line(int number, String text) {
            lines++;
            List<FieldError> problems = new ArrayList<>();
            Item item = parse(text, problems);
            if (item != null) {
                Integer first = firstLineOf.putIfAbsent(item.itemId(), number);
                if (first != null) {
                    problems.add(new FieldError("item_id", "appears more than once in the file (first on line " + first + "); only the first is imported"));
                    item = null;
                }
            }
            if (item == null) {
                rejected++;
                problems.forEach(p -> error(number, p));
                return;
            }
            pending.add(item);
            if (pending.size() == BATCH) {
                flush(number);
            }
        }

        private Item parse(String text, List<FieldError> problems) {
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JsonProcessingException e) {
                problems.add(new FieldError("line", "is not valid JSON: " + e.getOriginalMessage()));
                return null;
            }
            if (node == null || !node.isObject()) {
                problems.add(new FieldError("line", "must be one JSON object"));
                return null;
            }
            ItemValidator.Result r = validator.validate(null, PlainJson.fields(node));
            problems.addAll(r.errors());
            return r.item();
        }

        void flush(int number) {
            if (pending.isEmpty()) {
                return;
            }
            try {
                catalog.putAll(pending);
            } catch (StoreUnavailableException e) {
                throw new Interrupted(e.store(), number, imported, e);
            }
            imported += pending.size();
            pending.clear();
        }

        private void error(int line, FieldError e) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new LineError(line, e.field(), e.reason()));
            } else {
                truncated = true;
            }
        }
    }
}
