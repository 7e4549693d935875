package dev.marquee.adapters.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.port.DeadLetterSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Dead letters appended as JSON lines to {@code <root>/dead-letters.jsonl}, for a person to inspect and replay. */
public final class LocalFolderDeadLetterSink implements DeadLetterSink {
    private final Path file;
    private final ObjectMapper json = Json.newMapper();

    public LocalFolderDeadLetterSink(Path root) {
        this.file = root.resolve("dead-letters.jsonl");
    }

    @Override
    public synchronized void send(List<DeadLetter> letters) {
        StringBuilder lines = new StringBuilder();
        for (DeadLetter l : letters) {
            ObjectNode n = json.createObjectNode();
            n.put("source", l.source()).put("record_id", l.recordId()).put("reason", l.reason()).put("payload", l.payload());
            try {
                lines.append(json.writeValueAsString(n)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything sent so far, oldest first, as the JSON lines stored. */
    public synchronized List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything sent so far, oldest first. */
    public List<DeadLetter> letters() {
        List<DeadLetter> out = new ArrayList<>();
        for (String line : lines()) {
            try {
                com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
                out.add(new DeadLetter(n.path("source").asText(null), n.path("record_id").asText(null),
                        n.path("payload").asText(""), n.path("reason").asText(null)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
