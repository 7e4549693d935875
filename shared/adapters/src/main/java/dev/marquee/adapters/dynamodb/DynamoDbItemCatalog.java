package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The catalog in one table keyed by {@code itemId}, one item per catalog item with native attributes. Reads are
 * eventually consistent: the catalog changes by batch loads, and serving reads cost half as much.
 */
public final class DynamoDbItemCatalog implements ItemCatalog {
    static final String STORE = "catalog";

    private final DynamoDbClient client;
    private final String table;
    private final Batches batches;

    public DynamoDbItemCatalog(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
        this.batches = new Batches(client, STORE, table, Backoff.DEFAULT);
    }

    @Override
    public void put(Item item) {
        Calls.run(STORE, table, "PutItem", () -> client.putItem(b -> b.tableName(table).item(ItemCodec.encode(item))));
    }

    @Override
    public void putAll(Collection<Item> items) {
        // one request per id: a batch naming a key twice is rejected, and the last write wins anyway
        Map<String, Item> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.itemId(), i));
        batches.write(byId.values().stream()
                .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(ItemCodec.encode(i)).build()).build())
                .toList());
    }

    @Override
    public Optional<Item> get(String itemId) {
        Map<String, AttributeValue> found = Calls.call(STORE, table, "GetItem",
                () -> client.getItem(b -> b.tableName(table).key(ItemCodec.key(itemId))).item());
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(ItemCodec.decode(found));
    }

    @Override
    public Map<String, Item> getAll(Collection<String> itemIds) {
        List<Map<String, AttributeValue>> keys = itemIds.stream().distinct().map(ItemCodec::key).toList();
        Map<String, Item> found = new HashMap<>();
        for (Map<String, AttributeValue> a : batches.get(keys)) {
            Item item = ItemCodec.decode(a);
            found.put(item.itemId(), item);
        }
        return found;
    }

    @Override
    public boolean delete(String itemId) {
        // ALL_OLD tells whether something was there, in the same call
        Map<String, AttributeValue> old = Calls.call(STORE, table, "DeleteItem",
                () -> client.deleteItem(b -> b.tableName(table).key(ItemCodec.key(itemId)).returnValues(ReturnValue.ALL_OLD))
                        .attributes());
        return old != null && !old.isEmpty();
    }

    @Override
    public void forEach(Consumer<Item> visitor) {
        // the paginator fetches lazily, so page failures surface inside the iteration: map them there too
        Calls.run(STORE, table, "Scan", () -> client.scanPaginator(b -> b.tableName(table)).items()
                .forEach(a -> visitor.accept(ItemCodec.decode(a))));
    }
}
