package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Item;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** An {@link Item} as a DynamoDB item with native attributes, so the console and PartiQL can read it. */
final class ItemCodec {
    static final String KEY = "itemId";

    private ItemCodec() {
    }

    static Map<String, AttributeValue> key(String itemId) {
        return Map.of(KEY, Attrs.s(itemId));
    }

    static Map<String, AttributeValue> encode(Item item) {
        Map<String, AttributeValue> a = new HashMap<>();
        a.put(KEY, Attrs.s(item.itemId()));
        Attrs.putString(a, "title", item.title());
        Attrs.putList(a, "genres", item.genres());
        Attrs.putList(a, "tags", item.tags());
        Attrs.putString(a, "contentType", item.contentType());
        Attrs.putInstant(a, "releasedAt", item.releasedAt());
        Attrs.putSet(a, "countries", item.availableCountries());
        Attrs.putMap(a, "attributes", item.attributes());
        return a;
    }

    static Item decode(Map<String, AttributeValue> a) {
        return new Item(Attrs.string(a, KEY), Attrs.string(a, "title"), Attrs.list(a, "genres"), Attrs.list(a, "tags"),
                Attrs.string(a, "contentType"), Attrs.instant(a, "releasedAt"), Attrs.set(a, "countries"),
                Attrs.map(a, "attributes"));
    }
}
