package dev.marquee.api.health;

import dev.marquee.domain.funnel.FallbackPopularity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the process serves requests at all: store outages degrade answers, they never make it not live. */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    @Inject
    FallbackPopularity fallback;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api").up().withData("fallback_list_loaded", !fallback.isEmpty()).build();
    }
}
