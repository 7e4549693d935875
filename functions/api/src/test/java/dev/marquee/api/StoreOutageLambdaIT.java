package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the catalog and the feature store down: catalog calls are a 503 naming the store (never a 404), and a user
 * deletion is recorded and answered with a 503 that says so and what is left to erase.
 */
@QuarkusTest
@TestProfile(StoreOutageLambdaIT.Outage.class)
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class StoreOutageLambdaIT {

    public static class Outage implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(OutagePorts.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the seeder would fill the (down) catalog at start-up
            return Map.of("marquee.local.seed", "false");
        }
    }

    @Inject
    ObjectMapper json;

    @Inject
    UserProfiles profiles;

    @Inject
    DeletionLog deletions;

    @Inject
    LakeFiles lake;

    private LambdaApi api;

    @BeforeEach
    void client() {
        api = new LambdaApi(json);
    }

    private void assertCatalogUnavailable(APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(503);
        JsonNode body = api.body(response);
        assertThat(body.get("error").asText()).isEqualTo("store_unavailable");
        assertThat(body.get("store").asText()).isEqualTo("catalog");
    }

    @Test
    void readingAnItemDuringACatalogOutageIsA503NotA404() throws Exception {
        assertCatalogUnavailable(api.request("GET", "/v1/items/i1", null));
    }

    @Test
    void writingAnItemDuringACatalogOutageIsA503() throws Exception {
        assertCatalogUnavailable(api.sample("apigateway/put-item.json"));
    }

    @Test
    void anImportDuringACatalogOutageIsA503SayingHowFarItGot() throws Exception {
        lake.put("catalog/outage.jsonl", "{\"item_id\":\"o1\",\"title\":\"O\"}\n".getBytes(StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse response = api.request("POST", "/v1/items:import", "{\"key\":\"catalog/outage.jsonl\"}");

        assertCatalogUnavailable(response);
        assertThat(api.body(response).get("imported").asInt()).isZero();
        assertThat(api.body(response).get("message").asText()).contains("run the whole import again");
    }

    @Test
    void aDeletionIsRecordedAndTheOutageNamedWhenFeaturesCannotBeErased() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        profiles.put(UserProfile.anonymous("u-leaving-1"));

        APIGatewayV2HTTPResponse response = api.sample("apigateway/delete-user.json");

        assertThat(response.getStatusCode()).isEqualTo(503);
        JsonNode body = api.body(response);
        assertThat(body.get("error").asText()).isEqualTo("erasure_incomplete");
        assertThat(body.get("store").asText()).isEqualTo("features");
        assertThat(body.get("deletion_recorded").asBoolean()).isTrue();
        assertThat(body.get("message").asText()).contains("is recorded").contains("retried on the next DELETE");
        assertThat(deletions.deletedSince(before)).containsKey("u-leaving-1");
        assertThat(profiles.get("u-leaving-1")).isEmpty();
    }
}
