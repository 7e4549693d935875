package dev.marquee.api;

import dev.marquee.adapters.bundle.BundleEmbeddings;
import dev.marquee.domain.funnel.CatalogIndex;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.StoreUnavailableException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fills the in-memory catalog index (new releases, onboarding genres, promotions) at start-up and refreshes it every
 * few minutes, so items written since appear as new releases; and loads the active version's item vectors, so the
 * first requests already have embedding retrieval.
 */
@ApplicationScoped
public class CatalogIndexLoader {
    private static final Logger LOG = Logger.getLogger(CatalogIndexLoader.class);
    private static final long REFRESH_MINUTES = 5;
    private ScheduledExecutorService refresher;

    void onStart(@Observes @Priority(25) StartupEvent start, ItemCatalog catalog, CatalogIndex index, ModelRegistry registry,
                 BundleEmbeddings embeddings) {
        refresh(catalog, index);
        try {
            registry.active().ifPresent(v -> embeddings.load(v.version()).ifPresent(e ->
                    LOG.infof("Item vectors of model version %s loaded: %d items, %d dimensions", v.version(), e.items(), e.dimensions())));
        } catch (RuntimeException e) {
            LOG.warnf("Item vectors not loaded at start-up (%s); retrieval starts once they are", e.getMessage());
        }
        refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("catalog-index").factory());
        refresher.scheduleWithFixedDelay(() -> refresh(catalog, index), REFRESH_MINUTES, REFRESH_MINUTES, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private static void refresh(ItemCatalog catalog, CatalogIndex index) {
        try {
            List<Item> items = new ArrayList<>();
            catalog.forEach(items::add);
            index.replace(items);
            LOG.debugf("Catalog index: %d items", items.size());
        } catch (StoreUnavailableException e) {
            LOG.warnf("Catalog index not refreshed (%s); new releases and promotions use the previous snapshot", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Catalog index not refreshed: %s", e.toString());
        }
    }
}
