package dev.marquee.adapters.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.StoreUnavailableException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The deletion log in the lake, next to the events it governs: one small JSON-lines object per deletion,
 * {@code deletions/dt=YYYY-MM-DD/<time>-<uuid>.jsonl} with {"user_id":…,"deleted_at":…}. One object per record, not
 * an appended file, because S3 cannot append and concurrent functions must never overwrite each other's records.
 * Works on either lake through the {@link LakeFiles} port.
 */
public final class LakeDeletionLog implements DeletionLog {
    public static final String PREFIX = "deletions/";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final LakeFiles files;
    private final ObjectMapper json = Json.newMapper();

    public LakeDeletionLog(LakeFiles files) {
        this.files = files;
    }

    /** "deletions/dt=2026-11-21/20261121T194500Z-<uuid>.jsonl" for a deletion at that time. */
    static String keyFor(Instant at) {
        return PREFIX + "dt=" + LocalDate.ofInstant(at, ZoneOffset.UTC) + "/" + FILE_TIME.format(at) + "-" + UUID.randomUUID() + ".jsonl";
    }

    @Override
    public void record(String userId, Instant at) {
        String line;
        try {
            line = json.writeValueAsString(json.createObjectNode().put("user_id", userId).put("deleted_at", at.toString())) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        files.put(keyFor(at), line.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, Instant> deletedSince(Instant since) {
        // day partitions before the day of `since` cannot hold a later record: skip them by key, unread
        String firstDay = PREFIX + "dt=" + LocalDate.ofInstant(since, ZoneOffset.UTC) + "/";
        Map<String, Instant> latest = new HashMap<>();
        for (String key : files.list(PREFIX)) {
            if (key.compareTo(firstDay) >= 0 && key.endsWith(".jsonl")) {
                read(key, since, latest);
            }
        }
        return latest;
    }

    private void read(String key, Instant since, Map<String, Instant> latest) {
        Optional<InputStream> object = files.open(key);
        if (object.isEmpty()) {
            // listed a moment ago: losing it would silently keep a deleted user's events
            throw new StoreUnavailableException("lake", "deletion record " + key + " vanished while being read", null);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(object.get(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    Instant at = Instant.parse(n.path("deleted_at").asText());
                    if (!at.isBefore(since)) {
                        latest.merge(n.path("user_id").asText(), at, (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalStateException("corrupt deletion record " + key + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreUnavailableException("lake", "reading deletion record " + key + " failed: " + e, e);
        }
    }
}
