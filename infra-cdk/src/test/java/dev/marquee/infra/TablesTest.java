package dev.marquee.infra;

import dev.marquee.infra.constructs.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TablesTest {
    static Synth synth;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
    }

    static Map<String, Object> table(String name) {
        return synth.where("AWS::DynamoDB::GlobalTable", "TableName", name);
    }

    @Test
    void fourTablesNamedByStage() {
        assertThat(synth.resources("AWS::DynamoDB::GlobalTable").values())
                .extracting(r -> Synth.props(r).get("TableName"))
                .containsExactlyInAnyOrder("marquee-dev-items", "marquee-dev-users", "marquee-dev-candidates", "marquee-dev-models");
    }

    @Test
    void keysAreTheAdaptersKeysAllStrings() {
        assertThat(Synth.render(table("marquee-dev-items").get("KeySchema"))).isEqualTo("[{AttributeName=itemId,KeyType=HASH}]");
        assertThat(Synth.render(table("marquee-dev-users").get("KeySchema"))).isEqualTo("[{AttributeName=userId,KeyType=HASH}]");
        assertThat(Synth.render(table("marquee-dev-candidates").get("KeySchema")))
                .isEqualTo("[{AttributeName=pk,KeyType=HASH},{AttributeName=sk,KeyType=RANGE}]");
        assertThat(Synth.render(table("marquee-dev-models").get("KeySchema"))).isEqualTo("[{AttributeName=id,KeyType=HASH}]");
        assertThat(Synth.render(table("marquee-dev-candidates").get("AttributeDefinitions")))
                .isEqualTo("[{AttributeName=pk,AttributeType=S},{AttributeName=sk,AttributeType=S}]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTableIsOnDemandWithPointInTimeRecoveryDeletionProtectionAndRetained() {
        synth.resources("AWS::DynamoDB::GlobalTable").forEach((id, r) -> {
            Map<String, Object> p = Synth.props(r);
            assertThat(p.get("BillingMode")).as(id).isEqualTo("PAY_PER_REQUEST");
            assertThat(p).as(id).doesNotContainKey("ProvisionedThroughput");
            List<Object> replicas = Synth.list(p.get("Replicas"));
            assertThat(replicas).as(id).hasSize(1);
            Map<String, Object> replica = (Map<String, Object>) replicas.get(0);
            assertThat(replica.get("PointInTimeRecoverySpecification")).as(id).isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
            assertThat(replica.get("DeletionProtectionEnabled")).as(id).isEqualTo(true);
            assertThat(r.get("DeletionPolicy")).as(id).isEqualTo("Retain");
            assertThat(r.get("UpdateReplacePolicy")).as(id).isEqualTo("Retain");
        });
    }

    @Test
    void onlyCandidatesExpireByTtl() {
        assertThat(table("marquee-dev-candidates").get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", Tables.CANDIDATES_TTL, "Enabled", true));
        for (String t : List.of("marquee-dev-items", "marquee-dev-users", "marquee-dev-models")) {
            assertThat(table(t)).as(t).doesNotContainKey("TimeToLiveSpecification");
        }
    }
}
