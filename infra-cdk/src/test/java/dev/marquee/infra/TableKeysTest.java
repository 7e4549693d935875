package dev.marquee.infra;

import dev.marquee.infra.constructs.Tables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack's key attributes must be the ones the DynamoDB adapters read and write (shared/adapters, DynamoDbTables):
 * read from their sources, since infra-cdk does not depend on the adapters (nor on the AWS SDK).
 */
class TableKeysTest {
    private static final Path ADAPTERS = Path.of("../shared/adapters/src/main/java/dev/marquee/adapters/dynamodb");

    static String constant(String file, String name) throws IOException {
        String src = Files.readString(ADAPTERS.resolve(file));
        Matcher m = Pattern.compile("static final String " + name + " = \"([^\"]+)\"").matcher(src);
        assertThat(m.find()).as(file + " declares " + name).isTrue();
        return m.group(1);
    }

    @Test
    void keysMatchTheAdapters() throws IOException {
        assertThat(Tables.ITEMS_KEY).isEqualTo(constant("ItemCodec.java", "KEY"));
        assertThat(Tables.USERS_KEY).isEqualTo(constant("ProfileCodec.java", "KEY"));
        assertThat(Tables.CANDIDATES_PK).isEqualTo(constant("DynamoDbCandidateStore.java", "PK"));
        assertThat(Tables.CANDIDATES_SK).isEqualTo(constant("DynamoDbCandidateStore.java", "SK"));
        assertThat(Tables.MODELS_KEY).isEqualTo(constant("DynamoDbModelRegistry.java", "KEY"));
    }

    @Test
    void adaptersCreateEveryTableWithThoseKeys() throws IOException {
        String tables = Files.readString(ADAPTERS.resolve("DynamoDbTables.java"));
        assertThat(tables)
                .contains("create(client, table, ItemCodec.KEY, null)")
                .contains("create(client, table, ProfileCodec.KEY, null)")
                .contains("create(client, table, DynamoDbCandidateStore.PK, DynamoDbCandidateStore.SK)")
                .contains("create(client, table, DynamoDbModelRegistry.KEY, null)")
                .contains("ScalarAttributeType.S");
    }
}
