package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.testing.contract.CandidateStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The DynamoDB candidate store against the contract, on DynamoDB Local, in a fresh table per test. */
class DynamoDbCandidateStoreIT extends CandidateStoreContract {
    private String table;

    @Override
    protected CandidateStore newStore() {
        table = LocalDynamoDb.uniqueTable(DynamoDbTables.CANDIDATES);
        DynamoDbTables.createCandidates(LocalDynamoDb.client(), table);
        return new DynamoDbCandidateStore(LocalDynamoDb.client(), table);
    }

    @AfterEach
    void dropTable() {
        DynamoDbTables.delete(LocalDynamoDb.client(), table);
    }

    @Test
    void deleteVersionRemovesListsInEveryShardAndKind() {
        Map<String, List<Candidate>> lists = new LinkedHashMap<>();
        for (int u = 0; u < 200; u++) {
            lists.put("user-" + u, List.of(new Candidate("i" + u, 1.0, null)));
        }
        store.putAll("old", CandidateKind.USER, lists);
        store.putAll("old", CandidateKind.SEGMENT, Map.of("*|*", List.of(new Candidate("p", 2.0, "pop"))));
        store.putAll("old-but-longer", CandidateKind.USER, Map.of("user-7", List.of(new Candidate("kept", 1.0, "cf"))));

        store.deleteVersion("old");

        for (int u = 0; u < 200; u++) {
            assertThat(store.get("old", CandidateKind.USER, "user-" + u)).isEmpty();
        }
        assertThat(store.get("old", CandidateKind.SEGMENT, "*|*")).isEmpty();
        assertThat(store.get("old-but-longer", CandidateKind.USER, "user-7")).extracting(Candidate::itemId).containsExactly("kept");
    }

    @Test
    void readersWithTheSameShardCountSeeTheSameLists() {
        store.putAll("v1", CandidateKind.SIMILAR, Map.of("i1", List.of(new Candidate("i2", 0.5, "cooc"))));

        CandidateStore otherInstance = new DynamoDbCandidateStore(LocalDynamoDb.client(), table, DynamoDbCandidateStore.DEFAULT_SHARDS);
        assertThat(otherInstance.get("v1", CandidateKind.SIMILAR, "i1")).containsExactly(new Candidate("i2", 0.5, "cooc"));
    }
}
