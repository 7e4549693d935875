package dev.marquee.runtime.wiring;

import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Builds the real adapters (DynamoDB, S3, Redis, SQS) from injected clients; only touched when marquee.backend=aws. */
@ApplicationScoped
public class AwsPortsFactory {

    public Ports create(MarqueeConfig config, Clock clock) {
        throw new IllegalStateException("marquee.backend=aws is not wired yet");
    }
}
