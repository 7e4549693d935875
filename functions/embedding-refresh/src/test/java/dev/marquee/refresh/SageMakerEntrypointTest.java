package dev.marquee.refresh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.model.Candidate;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.synth.SyntheticDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The container contract on a temporary folder laid out like /opt/ml. */
class SageMakerEntrypointTest {
    private static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(END.plus(Duration.ofHours(6)), ZoneOffset.UTC);
    private static final ObjectMapper JSON = Json.newMapper();

    @TempDir
    Path root;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private int run(SageMakerEntrypoint.LakeStores lake) {
        PrintStream p = new PrintStream(console, true, StandardCharsets.UTF_8);
        return SageMakerEntrypoint.run(new String[]{"train"}, root.toString(), p, p, CLOCK, lake);
    }

    private int run() {
        return run((bucket, prefix) -> {
            throw new AssertionError("no lake copy expected");
        });
    }

    private void hyperparameters(String json) throws Exception {
        Path config = root.resolve("input/config/hyperparameters.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, json);
    }

    private String failure() throws Exception {
        return Files.readString(root.resolve("output/failure"));
    }

    /** Channels events and catalog; the catalog has one item nobody has played. */
    private void channels() throws Exception {
        SyntheticDataset world = SyntheticDataset.generate(SyntheticDataset.Spec.small(END));
        new LocalFolderEventLake(root.resolve("input/data"), new EventCodec(), CLOCK).append(world.events());
        StringBuilder lines = new StringBuilder();
        for (Item i : world.items()) {
            lines.append(itemJson(i.itemId(), i.genres())).append('\n');
        }
        lines.append(itemJson("brand-new", world.items().getFirst().genres())).append('\n');
        Path catalog = root.resolve("input/data/catalog/items.jsonl");
        Files.createDirectories(catalog.getParent());
        Files.writeString(catalog, lines);
    }

    private static String itemJson(String id, List<String> genres) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item_id", id);
        m.put("title", "Title of " + id);
        m.put("genres", genres);
        m.put("content_type", "movie");
        return JSON.writeValueAsString(m);
    }

    @Test
    void trainsFromTheChannelsIntoTheModelFolderAndCopiesTheBundleToTheLake() throws Exception {
        channels();
        hyperparameters("""
                {"factors":"8","iterations":"2","regularization":"5","alpha":"5","cg_steps":"2","seed":"7",
                 "candidates_per_user":"20","similar_per_item":"5","model_version":"v-test",
                 "lake_bucket":"lake-bucket","lake_prefix":"tenant-a"}""");
        Path s3 = root.resolve("fake-s3");

        int code = run((bucket, prefix) -> new LocalFolderModelStore(s3.resolve(bucket).resolve(prefix)));

        assertThat(code).as(console.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(root.resolve("output/failure")).doesNotExist();
        LocalFolderModelStore model = new LocalFolderModelStore(root.resolve("model"));
        assertThat(model.versions()).containsExactly("v-test");
        assertThat(model.artifacts("v-test")).contains("manifest.json", "metrics.json", "trending.jsonl.gz",
                "content_similar.jsonl.gz", "content_vectors.jsonl.gz");
        assertThat(JSON.readTree(model.get("v-test", "manifest.json").orElseThrow()).path("hyperparameters").path("factors").asInt())
                .isEqualTo(8);
        Map<String, List<Candidate>> similar = BundleFiles.readAll(model.get("v-test", BundleFiles.fileOf(CandidateKind.SIMILAR)).orElseThrow());
        assertThat(similar.get("brand-new")).isNotEmpty().allMatch(c -> c.source().equals("content_similar"));
        LocalFolderModelStore lake = new LocalFolderModelStore(s3.resolve("lake-bucket").resolve("tenant-a"));
        assertThat(lake.artifacts("v-test")).containsExactlyElementsOf(model.artifacts("v-test"));
    }

    @Test
    void anUnknownHyperparameterIsBadInputNamedInTheFailureFile() throws Exception {
        channels();
        hyperparameters("{\"factor\":\"8\"}");

        assertThat(run()).isEqualTo(2);
        assertThat(failure()).contains("unknown hyperparameter factor", "factors");
    }

    @Test
    void aBadHyperparameterValueIsBadInput() throws Exception {
        channels();
        hyperparameters("{\"iterations\":\"many\"}");

        assertThat(run()).isEqualTo(2);
        assertThat(failure()).contains("--iterations must be a positive whole number: many");
    }

    @Test
    void aMissingEventsChannelIsMissingData() throws Exception {
        hyperparameters("{}");

        assertThat(run()).isEqualTo(3);
        assertThat(failure()).contains("no events channel");
    }

    @Test
    void aTrainingOrWritingFailureHasItsOwnCode() throws Exception {
        channels();
        hyperparameters("{\"factors\":\"4\",\"iterations\":\"1\"}");
        Files.writeString(root.resolve("model"), "a file where the model folder should be");

        assertThat(run()).isEqualTo(4);
        assertThat(failure()).contains("failed");
    }
}
