package dev.marquee.domain.ingest;

import dev.marquee.adapters.embedded.InMemoryFeatureStore;
import dev.marquee.adapters.embedded.InMemoryResponseCache;
import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.features.FeatureUpdate;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.EventWeights;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest pipeline on the embedded adapters: lake first, features at most once, failures redelivered. */
class IngestPipelineTest {
    private static final Instant T = Instant.now().minusSeconds(60);
    private static final FeatureUpdate.Limits LIMITS = new FeatureUpdate.Limits(50, Duration.ofHours(24));

    @TempDir
    Path root;
    private final InMemoryFeatureStore features = new InMemoryFeatureStore(Duration.ofHours(6), Clock.systemUTC());
    private final InMemoryResponseCache cache = new InMemoryResponseCache(Clock.systemUTC());

    private static IngestPipeline.Delivery delivery(String id, String user, String item, EventType type) {
        return new IngestPipeline.Delivery("rec-" + id,
                new InteractionEvent(id, user, item, type, T, null, null, null, new EventContext("tv", "US", null, null)));
    }

    private IngestPipeline pipeline(EventLake lake) {
        return new IngestPipeline(lake, features, cache, EventWeights.defaults(), LIMITS);
    }

    private List<InteractionEvent> lakeContents(EventLake lake) {
        List<InteractionEvent> out = new ArrayList<>();
        lake.scan(T.minusSeconds(3600), T.plusSeconds(3600), out::add);
        return out;
    }

    @Test
    void writesTheLakeThenTheFeaturesAndInvalidatesTheUsersCache() {
        EventLake lake = new LocalFolderEventLake(root, new EventCodec(), Clock.systemUTC());
        cache.put("u1", "homepage", "{}", Duration.ofMinutes(5));

        IngestPipeline.Outcome out = pipeline(lake).ingest(List.of(
                delivery("e1", "u1", "i1", EventType.COMPLETE), delivery("e2", "u1", "i2", EventType.SKIP)));

        assertThat(out.failedRecordIds()).isEmpty();
        assertThat(lakeContents(lake)).extracting(InteractionEvent::eventId).containsExactlyInAnyOrder("e1", "e2");
        assertThat(features.seen("u1")).containsExactlyInAnyOrder("i1", "i2");
        assertThat(features.counter("i1", "complete")).isEqualTo(1.0);
        assertThat(features.trending("US", 5, T)).extracting(s -> s.itemId()).containsExactly("i1");
        assertThat(cache.get("u1", "homepage")).isEmpty();
    }

    @Test
    void aRedeliveredBatchDoesNotDoubleCountFeatures() {
        EventLake lake = new LocalFolderEventLake(root, new EventCodec(), Clock.systemUTC());
        List<IngestPipeline.Delivery> batch = List.of(delivery("e1", "u1", "i1", EventType.PLAY));

        pipeline(lake).ingest(batch);
        IngestPipeline.Outcome again = pipeline(lake).ingest(batch);

        assertThat(again.featuresApplied()).isZero();
        assertThat(features.counter("i1", "play")).isEqualTo(1.0);
        assertThat(features.recent("u1", 10)).hasSize(1);
    }

    @Test
    void aLakeFailureRedeliversEveryRecordAndTouchesNoFeature() {
        EventLake broken = new EventLake() {
            @Override
            public List<String> append(List<InteractionEvent> events) {
                throw new StoreUnavailableException("lake", "503 Slow Down", null);
            }

            @Override
            public void scan(Instant from, Instant to, Consumer<InteractionEvent> sink) {
            }
        };

        IngestPipeline.Outcome out = pipeline(broken).ingest(List.of(
                delivery("e1", "u1", "i1", EventType.PLAY), delivery("e2", "u2", "i1", EventType.PLAY)));

        assertThat(out.failedRecordIds()).containsExactly("rec-e1", "rec-e2");
        assertThat(features.seen("u1")).isEmpty();
    }
}
