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

    JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return json.readTree(response.getBody());
    }

    private APIGatewayV2HTTPResponse send(String event) throws Exception {
        String response = LambdaRuntimeResource.runtime.invoke(event, Duration.ofSeconds(20));
        return json.readValue(response, APIGatewayV2HTTPResponse.class);
    }
}
