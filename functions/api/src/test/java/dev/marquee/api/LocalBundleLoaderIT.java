package dev.marquee.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** With a trained bundle in the local lake, the api serves it: precomputed candidates, then item-to-item. */
@QuarkusTest
@QuarkusTestResource(value = TrainedBundleLake.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class LocalBundleLoaderIT {

    @Inject
    ObjectMapper json;

    @Inject
    FeatureStore features;

    private JsonNode recommendations(String user) throws Exception {
        LambdaApi api = new LambdaApi(json);
        return api.body(api.request("GET", "/v1/recommendations?user_id=" + user + "&limit=5", null));
    }

    @Test
    void theNewestBundleIsActiveAndItsCandidatesServeWithTheirReason() throws Exception {
        JsonNode body = recommendations("bundle-user");

        assertThat(body.get("model_version").asText()).isEqualTo(TrainedBundleLake.VERSION);
        // the seeded catalog knows i11: the user's CF list leads, blended with the other generators' lists (i31 is the
        // bundle's global popularity)
        assertThat(body.get("items").get(0).get("item_id").asText()).isEqualTo("i11");
        assertThat(body.get("items").get(0).get("reason").asText()).isEqualTo("popular_with_similar_users");
        assertThat(body.get("items").get(0).get("source").asText()).isEqualTo("precomputed_cf");
        assertThat(body.get("items").findValuesAsText("item_id")).contains("i31");
    }

    @Test
    void aRecentInteractionBringsItsNeighboursExplainedByIt() throws Exception {
        features.addRecent("fresh-user", new RecentInteraction("i1", EventType.COMPLETE, Instant.now()), 50);

        JsonNode first = recommendations("fresh-user").get("items").get(0);

        assertThat(first.get("item_id").asText()).isEqualTo("i21");
        assertThat(first.get("reason").asText()).isEqualTo("because_you_watched");
        assertThat(first.get("because_item_id").asText()).isEqualTo("i1");
    }
}
