package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.ModelVersion;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** A {@link ModelVersion} as one map attribute; metrics as numbers where DynamoDB can hold them. */
final class VersionCodec {
    private static final double DYNAMO_MIN = 1e-130;
    private static final double DYNAMO_MAX = 1e126;

    private VersionCodec() {
    }

    static AttributeValue encode(ModelVersion v) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("version", Attrs.s(v.version()));
        Attrs.putInstant(m, "activatedAt", v.activatedAt());
        Map<String, AttributeValue> metrics = new HashMap<>();
        v.metrics().forEach((name, value) -> metrics.put(name, number(value)));
        m.put("metrics", AttributeValue.fromM(metrics));
        return AttributeValue.fromM(m);
    }

    static ModelVersion decode(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        Map<String, Double> metrics = new HashMap<>();
        AttributeValue stored = m.get("metrics");
        if (stored != null) {
            stored.m().forEach((name, a) -> metrics.put(name, Double.parseDouble(a.n() != null ? a.n() : a.s())));
        }
        return new ModelVersion(Attrs.string(m, "version"), Attrs.instant(m, "activatedAt"), metrics);
    }

    /** NaN, infinities and magnitudes outside DynamoDB's number range travel as text instead of failing the write. */
    private static AttributeValue number(double d) {
        double abs = Math.abs(d);
        boolean fits = abs == 0 || (abs >= DYNAMO_MIN && abs < DYNAMO_MAX);
        return fits ? AttributeValue.fromN(Double.toString(d)) : Attrs.s(Double.toString(d));
    }
}
