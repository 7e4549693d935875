package dev.marquee.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the real-shaped AWS payloads from the project's events-samples/ folder. */
public final class EventSamples {
    private EventSamples() {
    }

    public static String read(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events-samples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events-samples/ not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readString(dir.resolve("events-samples").resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
