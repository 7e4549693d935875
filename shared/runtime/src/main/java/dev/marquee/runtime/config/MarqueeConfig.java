package dev.marquee.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Every Marquee setting, under one prefix; each key binds from the environment too
 * (marquee.aws.lake-bucket = MARQUEE_AWS_LAKE_BUCKET). The CDK app sets the same keys on the functions.
 */
@ConfigMapping(prefix = "marquee")
public interface MarqueeConfig {

    enum Backend { EMBEDDED, AWS }

    /** embedded: in-memory stores and a local folder lake (the default); aws: DynamoDB, S3, Redis, SQS. */
    @WithDefault("embedded")
    Backend backend();

    Local local();

    Aws aws();

    Features features();

    Serving serving();

    Ranking ranking();

    interface Local {
        /** Where the embedded lake and model bundles live. */
        @WithDefault(".marquee/lake")
        String lakeDir();

        /** Fill the embedded stores with a synthetic world at start-up. */
        @WithDefault("true")
        boolean seed();

        @WithDefault("400")
        int items();

        @WithDefault("200")
        int users();

        @WithDefault("30")
        int meanEventsPerUser();
    }

    interface Aws {
        Optional<String> region();

        /** Points every client at local servers (DynamoDB Local, an S3-compatible server, ElasticMQ). */
        Optional<URI> endpointOverride();

        @WithDefault("marquee-lake")
        String lakeBucket();

        /** The Kinesis stream (name or ARN) that takes accepted events; when unset, the SQS queue below does. */
        Optional<String> eventsStream();

        /** The SQS queue that takes accepted events when no Kinesis stream is set (server-side producers use it too). */
        Optional<String> eventsQueueUrl();

        /** The SQS queue poison records go to, with their reason. */
        Optional<String> deadLetterQueueUrl();

        Tables tables();
    }

    interface Tables {
        @WithDefault("marquee-items")
        String items();

        @WithDefault("marquee-users")
        String users();

        @WithDefault("marquee-candidates")
        String candidates();

        @WithDefault("marquee-models")
        String models();
    }

    interface Features {
        @WithDefault("PT6H")
        Duration trendingHalfLife();

        @WithDefault("100")
        int recentMax();

        /** How long an event id is remembered, so a redelivery does not count twice. */
        @WithDefault("PT48H")
        Duration dedupeWindow();
    }

    /** Request limits here; the funnel's generators, rules, budgets, tracking and variants in {@link FunnelConfig}. */
    interface Serving extends FunnelConfig {
        @WithDefault("25")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();

        /** Size of the in-memory last-resort popularity list. */
        @WithDefault("500")
        int fallbackSize();
    }

    /** Stage 2: the bundle's learned ranker (marquee.ranking.*). */
    interface Ranking {
        /** false: the candidate order serves (fallback "ranker_unavailable" is not named then: no ranker at all). */
        @WithDefault("true")
        boolean enabled();

        /** onnx: ONNX Runtime (production); java: the same trees evaluated in plain Java (no native library). */
        @WithDefault("onnx")
        String engine();

        /** ONNX Runtime intra-op threads; one suits a Lambda serving one request at a time. */
        @WithDefault("1")
        int intraOpThreads();
    }
}
