package dev.marquee.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API with the default (IAM) authorizer, CORS for one origin, throttling and access logs. */
class ApiGatewayTest {
    static Synth synth;
    static String apiId;
    static String apiAlias;

    @BeforeAll
    static void synthesize() {
        synth = Synth.defaults();
        apiId = synth.idWhere("AWS::ApiGatewayV2::Api", "Name", "marquee-dev-api");
        apiAlias = synth.resources("AWS::Lambda::Alias").entrySet().stream()
                .filter(e -> Synth.render(Synth.props(e.getValue()).get("FunctionName")).contains("ApiFunction"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void oneHttpApiWithCorsForTheConfiguredOriginsOnly() {
        Map<String, Object> api = Synth.props(synth.resource(apiId));
        assertThat(api.get("ProtocolType")).isEqualTo("HTTP");
        assertThat(Synth.render(api.get("CorsConfiguration"))).contains("AllowOrigins=[https://app.example.com]")
                .contains("AllowMethods=[GET,POST,PUT,DELETE]").doesNotContain("AllowCredentials=true");
    }

    @Test
    void everyRequestGoesThroughIamToTheLiveAliasOfTheApiFunction() {
        var routes = synth.resources("AWS::ApiGatewayV2::Route");
        assertThat(routes).hasSize(1);
        Map<String, Object> route = Synth.props(routes.values().iterator().next());
        assertThat(route.get("RouteKey")).isEqualTo("$default");
        assertThat(route.get("AuthorizationType")).isEqualTo("AWS_IAM");
        Map<String, Object> integration = Synth.props(synth.resources("AWS::ApiGatewayV2::Integration").values().iterator().next());
        assertThat(integration).containsEntry("IntegrationType", "AWS_PROXY").containsEntry("PayloadFormatVersion", "2.0");
        assertThat(Synth.render(integration.get("IntegrationUri"))).isEqualTo("${" + apiAlias + "}");
        assertThat(synth.resources("AWS::ApiGatewayV2::Authorizer")).isEmpty();
        Map<String, Object> permission = synth.where("AWS::Lambda::Permission", "Principal", "apigateway.amazonaws.com");
        assertThat(Synth.render(permission.get("FunctionName"))).isEqualTo("${" + apiAlias + "}");
        assertThat(Synth.render(permission.get("SourceArn"))).endsWith(":${" + apiId + "}/*/*");
    }

    @Test
    void defaultStageIsThrottledAndLogsEveryRequestAsJson() {
        Map<String, Object> stage = Synth.props(synth.resources("AWS::ApiGatewayV2::Stage").values().iterator().next());
        assertThat(stage.get("StageName")).isEqualTo("$default");
        assertThat(stage.get("AutoDeploy")).isEqualTo(true);
        assertThat(stage.get("DefaultRouteSettings")).isEqualTo(Map.of("ThrottlingRateLimit", 200, "ThrottlingBurstLimit", 400));
        @SuppressWarnings("unchecked")
        Map<String, Object> logs = (Map<String, Object>) stage.get("AccessLogSettings");
        String group = synth.idWhere("AWS::Logs::LogGroup", "LogGroupName", "/aws/apigateway/marquee-dev-api/access");
        assertThat(Synth.render(logs.get("DestinationArn"))).isEqualTo("${" + group + ".Arn}");
        String format = (String) logs.get("Format");
        assertThat(format).startsWith("{").endsWith("}")
                .contains("\"requestId\":\"$context.requestId\"", "\"status\":\"$context.status\"",
                        "\"latencyMs\":\"$context.responseLatency\"", "\"integrationError\":\"$context.integrationErrorMessage\"",
                        "\"authorizerError\":\"$context.authorizer.error\"");
        assertThat(Synth.props(synth.resource(group)).get("RetentionInDays")).isEqualTo(30);
    }

    @Test
    void outputsTheEndpoint() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> outputs = (Map<String, Map<String, Object>>) synth.json.get("Outputs");
        assertThat(Synth.render(outputs.get("ApiUrl").get("Value"))).isEqualTo("${" + apiId + ".ApiEndpoint}");
        assertThat(outputs.keySet()).containsAll(List.of("LakeBucket", "EventsQueueUrl", "RedisHosts", "AlarmTopicArn"));
    }
}
