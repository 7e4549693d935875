package dev.marquee.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.constructs.Construct;

/**
 * The Kinesis data stream for accepted events: on-demand (no shards to size), encrypted with the AWS-managed
 * {@code aws/kinesis} key (no key policy to maintain, no grants needed), kept {@code retentionHours} so a batch sent to
 * the failure queue can still be replayed.
 */
public class EventStream extends Construct {
    private final Stream stream;

    public EventStream(Construct scope, String id, String name, int retentionHours) {
        super(scope, id);
        stream = Stream.Builder.create(this, "Stream")
                .streamName(name)
                .streamMode(StreamMode.ON_DEMAND)
                .encryption(StreamEncryption.MANAGED)
                .retentionPeriod(Duration.hours(retentionHours))
                .build();
    }

    public Stream stream() {
        return stream;
    }
}
