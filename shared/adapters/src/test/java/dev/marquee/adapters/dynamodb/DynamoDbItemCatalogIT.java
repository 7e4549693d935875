package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Item;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.testing.contract.Fixtures;
import dev.marquee.testing.contract.ItemCatalogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The DynamoDB catalog against the contract, on DynamoDB Local, in a fresh table per test. */
class DynamoDbItemCatalogIT extends ItemCatalogContract {
    private String table;

    @Override
    protected ItemCatalog newCatalog() {
        table = LocalDynamoDb.uniqueTable(DynamoDbTables.ITEMS);
        DynamoDbTables.createItems(LocalDynamoDb.client(), table);
        return new DynamoDbItemCatalog(LocalDynamoDb.client(), table);
    }

    @AfterEach
    void dropTable() {
        DynamoDbTables.delete(LocalDynamoDb.client(), table);
    }

    @Test
    void getAllSpansSeveralBatchesAndToleratesRepeatedIds() {
        List<Item> items = IntStream.range(0, 250).mapToObj(i -> Fixtures.item("many-" + i, "g")).toList();
        catalog.putAll(items);

        List<String> ids = new ArrayList<>(items.stream().map(Item::itemId).toList());
        ids.addAll(List.of("many-0", "many-249", "absent"));
        assertThat(catalog.getAll(ids)).hasSize(250).containsEntry("many-123", items.get(123));
    }

    @Test
    void putAllKeepsTheLastOfRepeatedIds() {
        catalog.putAll(List.of(Fixtures.item("dup", "first"), Fixtures.item("dup", "second")));

        assertThat(catalog.get("dup")).map(Item::genres).contains(List.of("second"));
    }
}
