package dev.marquee.runtime.wiring;

import dev.marquee.domain.tracking.TrackingTokens;
import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The tracking-token signer and verifier, from marquee.serving.tracking.secret. Without a configured secret a random
 * one is drawn per process: fine for one local process, wrong for several api instances (each would refuse the
 * others' tokens), hence the warning.
 */
@ApplicationScoped
public class TrackingTokensProducer {
    private static final Logger LOG = Logger.getLogger(TrackingTokensProducer.class);

    @Produces
    @Singleton
    TrackingTokens trackingTokens(MarqueeConfig config, Clock clock) {
        byte[] secret;
        if (config.serving().tracking().secret().isPresent()) {
            secret = TrackingTokens.secretOf(config.serving().tracking().secret().get());
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            if (config.backend() == MarqueeConfig.Backend.AWS) {
                LOG.warn("marquee.serving.tracking.secret is not set: tracking tokens are signed with a per-instance random "
                        + "secret and other instances will refuse them; set MARQUEE_SERVING_TRACKING_SECRET");
            }
        }
        return new TrackingTokens(secret, clock, config.serving().tracking().maxAge());
    }
}
