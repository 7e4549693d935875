package dev.marquee.api.local;

import dev.marquee.runtime.config.MarqueeConfig;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.ModelVersion;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.popularity.SegmentPopularity;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.domain.synth.SyntheticDataset;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Fills the embedded backends with a synthetic world at start-up, so ./marquee local answers at once:
 * catalog, profiles, real-time features, the lake, and a popularity model version made active.
 */
@ApplicationScoped
public class LocalSeeder {
    private static final Logger LOG = Logger.getLogger(LocalSeeder.class);
    private static final int TOP_N = 500;

    void onStart(@Observes @Priority(10) StartupEvent start, MarqueeConfig config, Clock clock, ItemCatalog catalog,
                 UserProfiles profiles, FeatureStore features, EventLake lake, CandidateStore candidates,
                 ModelRegistry registry) {
        if (config.backend() != MarqueeConfig.Backend.EMBEDDED || !config.local().seed()) {
            return;
        }
        long t0 = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        MarqueeConfig.Local local = config.local();
        SyntheticDataset world = SyntheticDataset.generate(new SyntheticDataset.Spec(
                local.items(), local.users(), local.meanEventsPerUser(), now, Duration.ofDays(14), 42));

        catalog.putAll(world.items());
        world.users().forEach(profiles::put);
        List<InteractionEvent> chronological = world.events().stream()
                .sorted(Comparator.comparing(InteractionEvent::timestamp)).toList();
        SegmentPopularity popularity = new SegmentPopularity(EventWeights.defaults());
        for (InteractionEvent e : chronological) {
            features.markSeen(e.userId(), e.itemId());
            features.addRecent(e.userId(), new RecentInteraction(e.itemId(), e.type(), e.timestamp()), config.features().recentMax());
            if (e.context().country() != null) {
                features.bumpTrending(e.context().country(), e.itemId(), EventWeights.defaults().weightOf(e), e.timestamp());
            }
            popularity.add(e);
        }
        boolean lakeWritten = writeLakeOnce(Path.of(local.lakeDir()), lake, chronological);

        String version = "seed-" + now.toString().replace(":", "").replace("-", "");
        candidates.putAll(version, CandidateKind.SEGMENT, popularity.topLists(TOP_N));
        registry.activate(new ModelVersion(version, now, Map.of()), registry.active().map(ModelVersion::version).orElse(null));

        LOG.infof("Seeded embedded backends in %d ms: %d items, %d users, %d events%s; active model version %s",
                (System.nanoTime() - t0) / 1_000_000, world.items().size(), world.users().size(), chronological.size(),
                lakeWritten ? " (also written to the local lake at " + local.lakeDir() + ")" : "", version);
    }

    /** The lake is the system of record: seed it once, not again on every start. */
    private static boolean writeLakeOnce(Path lakeDir, EventLake lake, List<InteractionEvent> events) {
        if (Files.isDirectory(lakeDir.resolve("events"))) {
            return false;
        }
        lake.append(events);
        return true;
    }
}
