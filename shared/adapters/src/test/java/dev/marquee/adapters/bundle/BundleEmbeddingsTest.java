package dev.marquee.adapters.bundle;

import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.domain.funnel.EmbeddingIndex;
import dev.marquee.domain.model.ScoredItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The training job's factors.bin + factor_ids.json read back into an in-memory index. */
class BundleEmbeddingsTest {

    /** The MQF1 layout as the training job writes it: header, user rows, item rows, big-endian float32. */
    private static byte[] mqf1(int k, float[] users, float[] items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeBytes("MQF1");
            d.writeInt(k);
            d.writeInt(users.length / k);
            d.writeInt(items.length / k);
            for (float v : users) d.writeFloat(v);
            for (float v : items) d.writeFloat(v);
        }
        return bytes.toByteArray();
    }

    private static final byte[] IDS = "{\"users\":[\"u1\"],\"items\":[\"a\",\"b\",\"c\"]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void decodesVectorsSoRetrievalRanksByDotProduct() throws IOException {
        EmbeddingIndex index = BundleEmbeddings.decode(mqf1(2, new float[]{1, 0}, new float[]{0.1f, 0, 0.9f, 0, 0.5f, 1}), IDS);

        assertThat(index.dimensions()).isEqualTo(2);
        assertThat(index.items()).isEqualTo(3);
        assertThat(index.top(index.user("u1"), 3, Set.of())).extracting(ScoredItem::itemId).containsExactly("b", "c", "a");
    }

    @Test
    void refusesFilesThatAreNotMqf1OrTruncated() throws IOException {
        byte[] good = mqf1(2, new float[]{1, 0}, new float[]{0.1f, 0, 0.9f, 0, 0.5f, 1});
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 4);

        assertThatThrownBy(() -> BundleEmbeddings.decode("NOPE0000000000000000".getBytes(StandardCharsets.US_ASCII), IDS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BundleEmbeddings.decode(truncated, IDS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstRequestForAVersionStartsTheLoadAndLaterOnesGetTheVectors(@TempDir Path lake) throws IOException {
        LocalFolderModelStore models = new LocalFolderModelStore(lake);
        models.put("v1", BundleEmbeddings.FACTORS, mqf1(2, new float[]{1, 0}, new float[]{0.1f, 0, 0.9f, 0, 0.5f, 1}));
        models.put("v1", BundleEmbeddings.FACTOR_IDS, IDS);
        List<Runnable> queued = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        BundleEmbeddings embeddings = new BundleEmbeddings(models, queued::add, failures::add);

        assertThat(embeddings.forVersion("v1")).isEmpty();
        assertThat(embeddings.forVersion("v1")).isEmpty();
        assertThat(queued).hasSize(1);
        queued.getFirst().run();

        assertThat(embeddings.forVersion("v1")).get().extracting(EmbeddingIndex::items).isEqualTo(3);
        assertThat(failures).isEmpty();
    }

    @Test
    void aBundleWithoutVectorsLoadsNothing(@TempDir Path lake) {
        BundleEmbeddings embeddings = new BundleEmbeddings(new LocalFolderModelStore(lake), Runnable::run, e -> { });

        assertThat(embeddings.load("v9")).isEmpty();
        assertThat(embeddings.forVersion("v9")).isEmpty();
    }
}
