package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Preferences;
import dev.marquee.domain.model.UserProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** A {@link UserProfile} as a DynamoDB item with native attributes. */
final class ProfileCodec {
    static final String KEY = "userId";

    private ProfileCodec() {
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of(KEY, Attrs.s(userId));
    }

    static Map<String, AttributeValue> encode(UserProfile profile) {
        Map<String, AttributeValue> a = new HashMap<>();
        a.put(KEY, Attrs.s(profile.userId()));
        Attrs.putString(a, "country", profile.country());
        Attrs.putString(a, "device", profile.device());
        Attrs.putList(a, "prefGenres", profile.preferences().genres());
        Attrs.putList(a, "prefSeedItems", profile.preferences().seedItems());
        Attrs.putMap(a, "attributes", profile.attributes());
        return a;
    }

    static UserProfile decode(Map<String, AttributeValue> a) {
        return new UserProfile(Attrs.string(a, KEY), Attrs.string(a, "country"), Attrs.string(a, "device"),
                new Preferences(Attrs.list(a, "prefGenres"), Attrs.list(a, "prefSeedItems")), Attrs.map(a, "attributes"));
    }
}
