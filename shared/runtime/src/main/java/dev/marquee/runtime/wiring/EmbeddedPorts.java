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
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.UserProfiles;

import java.nio.file.Path;
import java.time.Clock;

/** The embedded adapters: in-memory stores and the lake in a local folder. Used when marquee.backend=embedded. */
public final class EmbeddedPorts implements Ports {
    private final ItemCatalog catalog = new InMemoryItemCatalog();
    private final UserProfiles profiles = new InMemoryUserProfiles();
    private final CandidateStore candidates = new InMemoryCandidateStore();
    private final ModelRegistry registry = new InMemoryModelRegistry();
    private final ResponseCache cache;
    private final FeatureStore features;
    private final EventLake lake;
    private final ModelStore models;
    private final EventStream stream = new InMemoryEventStream();
    private final DeadLetterSink deadLetters;
    private final LakeFiles lakeFiles;
    private final DeletionLog deletions;

    public EmbeddedPorts(MarqueeConfig config, Clock clock) {
        Path root = Path.of(config.local().lakeDir());
        this.features = new InMemoryFeatureStore(config.features().trendingHalfLife(), clock);
        this.cache = new InMemoryResponseCache(clock);
        this.lake = new LocalFolderEventLake(root, new EventCodec(), clock);
        this.models = new LocalFolderModelStore(root);
        this.deadLetters = new LocalFolderDeadLetterSink(root);
        this.lakeFiles = new LocalFolderLakeFiles(root);
        this.deletions = new LakeDeletionLog(lakeFiles);
    }

    @Override public ItemCatalog catalog() { return catalog; }
    @Override public UserProfiles profiles() { return profiles; }
    @Override public CandidateStore candidates() { return candidates; }
    @Override public ModelRegistry registry() { return registry; }
    @Override public FeatureStore features() { return features; }
    @Override public ResponseCache cache() { return cache; }
    @Override public EventLake lake() { return lake; }
    @Override public ModelStore models() { return models; }
    @Override public EventStream stream() { return stream; }
    @Override public DeadLetterSink deadLetters() { return deadLetters; }
    @Override public LakeFiles lakeFiles() { return lakeFiles; }
    @Override public DeletionLog deletions() { return deletions; }
}
