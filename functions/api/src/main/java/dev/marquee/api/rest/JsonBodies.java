package dev.marquee.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.PlainJson;

import java.io.IOException;
import java.util.Map;

/** Reads a request body that must be one JSON object, refusing it with the caller's error code and field "body". */
final class JsonBodies {
    /** Far above any valid item or profile, far below what a store item can hold (DynamoDB: 400 KB). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private JsonBodies() {
    }

    static Map<String, Object> object(ObjectMapper json, byte[] body, String code) {
        if (body == null || body.length == 0) {
            throw new InvalidFieldsException(code, "body", "is empty: send one JSON object");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new InvalidFieldsException(code, "body", "is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldsException(code, "body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidFieldsException(code, "body", "could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFieldsException(code, "body", "must be a JSON object");
        }
        return PlainJson.fields(root);
    }
}
