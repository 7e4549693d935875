package dev.marquee.api.local;

import dev.marquee.domain.funnel.FallbackPopularity;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.model.Segment;
import dev.marquee.runtime.config.MarqueeConfig;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.StoreUnavailableException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the in-memory last-resort list (global popularity of the active version, with catalog entries) at
 * start-up, so the api can answer even when every store is down afterwards.
 */
@ApplicationScoped
public class FallbackLoader {
    private static final Logger LOG = Logger.getLogger(FallbackLoader.class);

    void onStart(@Observes @Priority(20) StartupEvent start, MarqueeConfig config, ModelRegistry registry,
                 CandidateStore candidates, ItemCatalog catalog, FallbackPopularity fallback) {
        try {
            registry.active().ifPresentOrElse(active -> {
                List<Candidate> top = candidates.get(active.version(), CandidateKind.SEGMENT, Segment.GLOBAL.key());
                List<Candidate> head = top.subList(0, Math.min(config.serving().fallbackSize(), top.size()));
                Map<String, Item> items = catalog.getAll(head.stream().map(Candidate::itemId).toList());
                List<Item> ordered = head.stream().map(c -> items.get(c.itemId())).filter(Objects::nonNull).toList();
                fallback.replace(ordered);
                LOG.infof("Fallback popularity list loaded: %d items from model version %s", ordered.size(), active.version());
            }, () -> LOG.warn("No active model version: the fallback popularity list is empty until one is published"));
        } catch (StoreUnavailableException e) {
            LOG.warnf("Fallback popularity list not loaded (%s); requests degrade further until it is", e.getMessage());
        }
    }
}
