package dev.marquee.api.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.runtime.metrics.EmfMetrics;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real EMF lines, kept instead of printed, and emitted outside Lambda too, so a test can read what CloudWatch would. */
public class RecordedEmf extends EmfMetrics {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean enabled() {
        return true;
    }

    @Override
    protected void print(String line) {
        lines.add(line);
    }

    /** The lines that carry {@code metric}, parsed. */
    public List<JsonNode> with(String metric) {
        return lines.stream().map(this::parse).filter(l -> l.has(metric)).toList();
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
