package dev.marquee.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON object as plain Java values (String, Number, Boolean, List, Map, null) for the domain's validators,
 * which must not see Jackson. JSON types are kept, so a validator can tell "7" from 7 and say exactly what is wrong.
 */
public final class PlainJson {
    private PlainJson() {
    }

    /** The fields of an object node, in document order; call only with an object. */
    public static Map<String, Object> fields(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + object.getNodeType());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            out.put(e.getKey(), value(e.getValue()));
        }
        return out;
    }

    public static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>(v.size());
            v.forEach(element -> out.add(value(element)));
            return out;
        }
        if (v.isObject()) {
            return fields(v);
        }
        // binary or POJO nodes never come out of a parser; keep them as text so a validator rejects them by type
        return v.toString();
    }
}
