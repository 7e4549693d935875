package dev.marquee.adapters.kinesis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where requests go and which shard key they carry, without a server. */
class KinesisAddressingTest {

    @Test
    void theEndpointIsTheRegionsPublicOne() {
        assertThat(KinesisJsonClient.endpointFor("eu-west-1")).hasToString("https://kinesis.eu-west-1.amazonaws.com");
        assertThat(KinesisJsonClient.endpointFor("cn-north-1")).hasToString("https://kinesis.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void theUserIdIsThePartitionKey() {
        assertThat(KinesisEventStream.partitionKey("u-1")).isEqualTo("u-1");
    }

    @Test
    void aUserIdThatIsNoValidPartitionKeyIsHashedSoItStillPicksOneShard() {
        String longId = "u".repeat(300);
        assertThat(KinesisEventStream.partitionKey(longId)).hasSize(64).isEqualTo(KinesisEventStream.partitionKey(longId));
        assertThat(KinesisEventStream.partitionKey("")).hasSize(64);
    }
}
