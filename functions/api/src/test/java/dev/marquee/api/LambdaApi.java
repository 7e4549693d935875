package dev.marquee.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.testing.EventSamples;
import dev.marquee.testing.lambda.LambdaRuntimeResource;

import java.time.Duration;
import java.util.Map;

/** Sends API Gateway HTTP API events through the function's Lambda poll loop and reads the answers. */
final class LambdaApi {
    private final ObjectMapper json;

    LambdaApi(ObjectMapper json) {
        this.json = json;
    }

    APIGatewayV2HTTPResponse sample(String name) throws Exception {
        return send(EventSamples.read(name));
    }

    /** A POST /v1/events with the given raw body, shaped like the samples. */
    APIGatewayV2HTTPResponse postEvents(String body) throws Exception {
        APIGatewayV2HTTPEvent event = json.readValue(EventSamples.read("apigateway/post-event.json"), APIGatewayV2HTTPEvent.class);
        event.setBody(body);
        event.setHeaders(Map.of("content-type", "application/json"));
        return send(json.writeValueAsString(event));
    }

    /** Any request, shaped like the samples; {@code body} null for none. */
    APIGatewayV2HTTPResponse request(String method, String path, String body) throws Exception {
        APIGatewayV2HTTPEvent event = json.readValue(EventSamples.read("apigateway/post-event.json"), APIGatewayV2HTTPEvent.class);
        event.setRawPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.setBody(body);
        event.setHeaders(body == null ? Map.of() : Map.of("content-type", "application/json"));
        return send(json.writeValueAsString(event));
    }

    /** A GET of a path with an optional query string ({@code /v1/trending?country=US}), as API Gateway sends it. */
    APIGatewayV2HTTPResponse get(String pathAndQuery) throws Exception {
        APIGatewayV2HTTPEvent event = json.readValue(EventSamples.read("apigateway/get-recommendations.json"), APIGatewayV2HTTPEvent.class);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setRawQueryString(query);
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        event.setQueryStringParameters(params.isEmpty() ? null : params);
        return send(json.writeValueAsString(event));
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The body as JSON; some answers (health) come base64-encoded, as API Gateway allows. */
    JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return json.readTree(response.getIsBase64Encoded()
                ? new String(java.util.Base64.getDecoder().decode(response.getBody()), java.nio.charset.StandardCharsets.UTF_8)
                : response.getBody());
    }

    private APIGatewayV2HTTPResponse send(String event) throws Exception {
        String response = LambdaRuntimeResource.runtime.invoke(event, Duration.ofSeconds(20));
        return json.readValue(response, APIGatewayV2HTTPResponse.class);
    }
}
