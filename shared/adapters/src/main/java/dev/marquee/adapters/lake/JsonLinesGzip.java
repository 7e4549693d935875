package dev.marquee.adapters.lake;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.InteractionEvent;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The lake's object format: gzip-compressed JSON lines, one event per line. */
public final class JsonLinesGzip {
    private final EventCodec codec;

    public JsonLinesGzip(EventCodec codec) {
        this.codec = codec;
    }

    public byte[] write(List<InteractionEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + events.size() * 80);
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bytes, 64 * 1024), StandardCharsets.UTF_8)) {
            for (InteractionEvent e : events) {
                w.write(codec.encode(e));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
