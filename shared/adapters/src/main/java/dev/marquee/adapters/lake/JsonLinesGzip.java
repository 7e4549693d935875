package dev.marquee.adapters.lake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.InteractionEvent;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The lake's object format: gzip-compressed JSON lines, one event per line. */
public final class JsonLinesGzip {
    private static final SerializedString NEWLINE = new SerializedString("\n");
    private final EventCodec codec;

    public JsonLinesGzip(EventCodec codec) {
        this.codec = codec;
    }

    public byte[] write(List<InteractionEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + events.size() * 40);
        try (GZIPOutputStream gzip = new FastGzip(bytes);
             JsonGenerator g = codec.generator(gzip)) {
            // one generator, one line per event: the root value separator is the newline
            g.setRootValueSeparator(NEWLINE);
            for (InteractionEvent e : events) {
                codec.write(e, g);
            }
            if (!events.isEmpty()) {
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Deflate level 1 (BEST_SPEED): on event JSON it costs about a third of the default level's CPU for objects about a
     * fifth larger (measured: 21% against 17.6% of the raw size), and the ingest path is CPU-bound while storage is cheap.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    public void read(InputStream gzipped, Consumer<InteractionEvent> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped, 64 * 1024), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    sink.accept(codec.decode(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
