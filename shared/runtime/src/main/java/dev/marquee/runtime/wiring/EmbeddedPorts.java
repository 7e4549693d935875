package dev.marquee.runtime.wiring;

import dev.marquee.adapters.embedded.InMemoryCandidateStore;
import dev.marquee.adapters.embedded.InMemoryEventStream;
import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryItemCatalog;
import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.adapters.embedded.InMemoryResponseCache;
import dev.marquee.adapters.embedded.InMemoryUserProfiles;
import dev.marquee.adapters.embedded.LocalFolderDeadLetterSink;
import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.embedded.LocalFolderLakeFiles;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.lake.LakeDeletionLog;
import dev.marquee.runtime.config.MarqueeConfig;
import dev.marquee.domain.port.LakeFiles;

import java.nio.file.Path;
import java.time.Clock;

/** The embedded adapters: in-memory stores and the lake in a local folder. Used when marquee.backend=embedded. */
public final class EmbeddedPorts {
    private EmbeddedPorts() {
    }

    public static Ports create(MarqueeConfig config, Clock clock) {
        Path root = Path.of(config.local().lakeDir());
        LakeFiles lakeFiles = new LocalFolderLakeFiles(root);
        return new Ports(
                new InMemoryItemCatalog(),
                new InMemoryUserProfiles(),
                new InMemoryCandidateStore(),
                new InMemoryModelRegistry(),
                new InMemoryFeatureStore(config.features().trendingHalfLife(), clock),
                new InMemoryResponseCache(clock),
                new LocalFolderEventLake(root, new EventCodec(), clock),
                new LocalFolderModelStore(root),
                new InMemoryEventStream(),
                new LocalFolderDeadLetterSink(root),
                lakeFiles,
                new LakeDeletionLog(lakeFiles));
    }
}
