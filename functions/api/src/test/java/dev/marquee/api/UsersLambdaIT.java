package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.RecentInteraction;
import dev.marquee.domain.model.UserProfile;
import dev.marquee.domain.port.DeletionLog;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The users API as API Gateway delivers it, through the Lambda poll loop, on the embedded backends. */
@QuarkusTest
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class UsersLambdaIT {

    @Inject
    ObjectMapper json;

    @Inject
    UserProfiles profiles;

    @Inject
    FeatureStore features;

    @Inject
    ResponseCache cache;

    @Inject
    DeletionLog deletions;

    private LambdaApi api;

    @BeforeEach
    void client() {
        api = new LambdaApi(json);
    }

    @Test
    void aPutStoresTheProfileWithOnboardingPreferencesAndDropsCachedAnswers() throws Exception {
        cache.put("u-onboard-1", "homepage", "{}", Duration.ofMinutes(5));

        APIGatewayV2HTTPResponse response = api.sample("apigateway/put-user.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = api.body(response);
        assertThat(body.get("user_id").asText()).isEqualTo("u-onboard-1");
        assertThat(body.get("preferences").get("seed_items")).extracting(JsonNode::asText).containsExactly("i1", "i7", "i-9001");
        assertThat(profiles.get("u-onboard-1")).contains(new UserProfile("u-onboard-1", "GB", "tv",
                new Preferences(List.of("drama", "documentary"), List.of("i1", "i7", "i-9001")),
                Map.of("plan", "family", "signup_channel", "web")));
        assertThat(cache.get("u-onboard-1", "homepage")).isEmpty();
    }

    @Test
    void aGetReturnsTheStoredProfileAndAnUnknownUserIsA404() throws Exception {
        api.request("PUT", "/v1/users/u-get-1", "{\"country\":\"US\"}");

        APIGatewayV2HTTPResponse found = api.request("GET", "/v1/users/u-get-1", null);
        APIGatewayV2HTTPResponse missing = api.request("GET", "/v1/users/u-never-seen", null);

        assertThat(found.getStatusCode()).isEqualTo(200);
        assertThat(api.body(found).get("country").asText()).isEqualTo("US");
        assertThat(api.body(found).get("preferences").get("genres")).isEmpty();
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(api.body(missing).get("field").asText()).isEqualTo("user_id");
    }

    @Test
    void invalidFieldsAreA400NamingEachOneAndNothingIsStored() throws Exception {
        APIGatewayV2HTTPResponse response = api.request("PUT", "/v1/users/u-bad-1",
                "{\"country\":\"England\",\"device\":\"TV\",\"preferences\":{\"seedItems\":[\"i1\"]}}");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = api.body(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_user");
        assertThat(body.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("country", "device", "preferences.seedItems");
        assertThat(body.get("errors").toString()).contains("did you mean seed_items?");
        assertThat(profiles.get("u-bad-1")).isEmpty();
    }

    @Test
    void aDeleteErasesProfileFeaturesAndCacheAndRecordsTheDeletion() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        profiles.put(UserProfile.anonymous("u-leaving-1"));
        features.addRecent("u-leaving-1", new RecentInteraction("i1", EventType.PLAY, before), 10);
        features.markSeen("u-leaving-1", "i1");
        cache.put("u-leaving-1", "homepage", "{}", Duration.ofMinutes(5));

        APIGatewayV2HTTPResponse response = api.sample("apigateway/delete-user.json");

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(profiles.get("u-leaving-1")).isEmpty();
        assertThat(features.recent("u-leaving-1", 10)).isEmpty();
        assertThat(features.seen("u-leaving-1")).isEmpty();
        assertThat(cache.get("u-leaving-1", "homepage")).isEmpty();
        assertThat(deletions.deletedSince(before)).containsKey("u-leaving-1");
    }

    @Test
    void deletingTwiceOrDeletingAStrangerIsFineAndRecordedEachTime() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        APIGatewayV2HTTPResponse first = api.request("DELETE", "/v1/users/u-twice-1", null);
        APIGatewayV2HTTPResponse second = api.request("DELETE", "/v1/users/u-twice-1", null);

        assertThat(first.getStatusCode()).isEqualTo(204);
        assertThat(second.getStatusCode()).isEqualTo(204);
        assertThat(deletions.deletedSince(before)).containsKey("u-twice-1");
    }

    @Test
    void aDeleteWithABadIdIsA400AndRecordsNothing() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        APIGatewayV2HTTPResponse response = api.request("DELETE", "/v1/users/-bad", null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(api.body(response).get("field").asText()).isEqualTo("user_id");
        assertThat(deletions.deletedSince(before)).doesNotContainKey("-bad");
    }
}
