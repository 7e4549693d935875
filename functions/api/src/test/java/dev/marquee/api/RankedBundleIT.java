package dev.marquee.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.testing.lambda.LambdaRuntimeResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bundle with ranker.onnx: its ranker reorders the candidates, in the ONNX Runtime session the api warmed. */
@QuarkusTest
@QuarkusTestResource(value = RankedBundleLake.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LambdaRuntimeResource.class, restrictToAnnotatedClass = true)
class RankedBundleIT {

    @Inject
    ObjectMapper json;

    @Test
    void theBundlesRankerPutsThePopularCandidateAboveTheHigherCfOne() throws Exception {
        LambdaApi api = new LambdaApi(json);
        JsonNode body = api.body(api.request("GET", "/v1/recommendations?user_id=ranked-user&limit=5", null));

        assertThat(body.get("model_version").asText()).isEqualTo(RankedBundleLake.VERSION);
        assertThat(body.get("items").get(0).get("item_id").asText()).isEqualTo("i12");
        assertThat(body.get("items").get(1).get("item_id").asText()).isEqualTo("i11");
        assertThat(body.get("items").get(0).get("source").asText()).isEqualTo("precomputed_cf");
        assertThat(body.path("fallback").isMissingNode() || body.path("fallback").isNull()).isTrue();
    }
}
