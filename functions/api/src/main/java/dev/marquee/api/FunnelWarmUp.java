package dev.marquee.api;

import dev.marquee.domain.experiment.Recommender;
import dev.marquee.domain.funnel.RecommendationRequest;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Runs a few requests through every variant's funnel at start-up, so the classes, the virtual-thread scheduler and
 * the hot paths are loaded before the first real request: otherwise that request can blow the stage budgets and be
 * served degraded. (In Lambda this runs in the init phase, which is not billed against the request.)
 */
@ApplicationScoped
public class FunnelWarmUp {
    private static final Logger LOG = Logger.getLogger(FunnelWarmUp.class);
    private static final int REQUESTS = 20;

    void onStart(@Observes @Priority(30) StartupEvent start, Recommender recommender) {
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                recommender.recommend(new RecommendationRequest("warm-up-" + i, "homepage", 25, null, null, Set.of()));
            }
            LOG.debugf("Funnel warmed up in %d ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf("Funnel warm-up failed (%s); the first requests may be slower", e.toString());
        }
    }
}
