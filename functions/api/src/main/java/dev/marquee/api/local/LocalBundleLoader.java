package dev.marquee.api.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.api.rest.CatalogImport;
import dev.marquee.domain.catalog.ItemValidator;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.publish.BundlePublisher;
import dev.marquee.domain.publish.PublishGate;
import dev.marquee.domain.publish.PublishResult;
import dev.marquee.runtime.config.MarqueeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Locally, plays the part of the publish step: at start-up the newest complete bundle in the local lake
 * ({@code ./marquee train} writes them) is loaded into the embedded stores and made active, and the catalog files under
 * {@code catalog/} ({@code ./marquee import} writes them) are imported, so {@code ./marquee local} serves what was
 * trained. Runs after the synthetic seed, which stays as the previous version.
 */
@ApplicationScoped
public class LocalBundleLoader {
    private static final Logger LOG = Logger.getLogger(LocalBundleLoader.class);

    void onStart(@Observes @Priority(15) StartupEvent start, MarqueeConfig config, Clock clock, ObjectMapper json,
                 ModelStore models, LakeFiles lakeFiles, ItemCatalog catalog, CandidateStore candidates, ModelRegistry registry) {
        if (config.backend() != MarqueeConfig.Backend.EMBEDDED) {
            return;
        }
        Optional<String> newest = models.versions().stream()
                .filter(v -> models.artifacts(v).contains(BundleFiles.MANIFEST))
                .reduce((a, b) -> b);
        if (newest.isEmpty()) {
            return;
        }
        for (String key : lakeFiles.list("catalog/")) {
            if (key.endsWith(".jsonl") || key.endsWith(".jsonl.gz")) {
                try (InputStream in = lakeFiles.open(key).orElseThrow()) {
                    CatalogImport.Report report = new CatalogImport(json, new ItemValidator(), catalog).run(key, in);
                    LOG.infof("Imported %d catalog items from %s (%d lines refused)", report.imported(), key, report.rejected());
                } catch (Exception e) {
                    LOG.warnf("Catalog file %s not imported: %s", key, e.getMessage());
                }
            }
        }
        // locally the newest trained bundle serves, whatever the seed's metrics: the gate protects deployed stages
        BundlePublisher publisher = new BundlePublisher(models, BundleFiles::read, candidates, registry,
                PublishGate.absolute(Double.MAX_VALUE), clock);
        try {
            PublishResult result = publisher.publish(BundleManifest.read(models, newest.get()));
            LOG.infof("Model bundle %s from the local lake: %s", newest.get(), result);
        } catch (RuntimeException e) {
            LOG.warnf("Model bundle %s not loaded (%s); serving the seeded popularity", newest.get(), e.getMessage());
        }
    }
}
