package dev.marquee.adapters.embedded;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.lake.JsonLinesGzip;
import dev.marquee.adapters.lake.LakeLayout;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventLake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The lake in a local folder, same layout and format as S3; files appear atomically (write, then rename). */
public final class LocalFolderEventLake implements EventLake {
    private final Path root;
    private final JsonLinesGzip format;
    private final Clock clock;

    public LocalFolderEventLake(Path root, EventCodec codec, Clock clock) {
        this.root = root;
        this.format = new JsonLinesGzip(codec);
        this.clock = clock;
    }

    @Override
    public List<String> append(List<InteractionEvent> events) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, List<InteractionEvent>> partition : LakeLayout.byPartition(events).entrySet()) {
            String key = LakeLayout.newObjectKey(partition.getKey(), clock.instant());
            Path target = root.resolve(key);
            try {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), ".writing-", ".tmp");
                Files.write(tmp, format.write(partition.getValue()));
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("lake write failed: " + target, e);
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    public void scan(Instant fromInclusive, Instant toExclusive, Consumer<InteractionEvent> sink) {
        for (String partition : LakeLayout.partitionsBetween(fromInclusive, toExclusive)) {
            Path dir = root.resolve(partition);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        format.read(in, e -> {
                            if (!e.timestamp().isBefore(fromInclusive) && e.timestamp().isBefore(toExclusive)) {
                                sink.accept(e);
                            }
                        });
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("lake read failed: " + dir, e);
            }
        }
    }
}
