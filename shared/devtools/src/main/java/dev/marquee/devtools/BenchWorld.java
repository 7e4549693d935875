package dev.marquee.devtools;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.catalog.ItemValidator;
import dev.marquee.domain.model.CandidateKind;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.model.Item;
import dev.marquee.domain.synth.SyntheticDataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The world the serve bench runs on: a local lake with a public data set imported ({@code marquee import}) or a
 * synthetic world of MovieLens latest-small's size, and a model bundle trained on it ({@code marquee train}); both
 * through the training job's own jar, as a user would run them.
 */
final class BenchWorld {
    /** MovieLens latest-small: 9,742 movies, 610 users, 100,836 ratings. */
    static final int ITEMS = 9_742;
    static final int USERS = 610;
    static final int EVENTS_PER_USER = 165;

    final Path lake;
    final String version;

    private BenchWorld(Path lake, String version) {
        this.lake = lake;
        this.version = version;
    }

    /**
     * The world in {@code lake}: reused when an earlier run left a trained bundle there (delete the folder to rebuild
     * it), else imported or generated, then trained.
     */
    static BenchWorld prepare(Path lake, Path dataset, Path java, Path refreshJar, PrintStream out) throws IOException, InterruptedException {
        java.util.Optional<String> trained = newestBundle(lake);
        if (trained.isPresent()) {
            out.println("Reusing the world in " + lake + " (model version " + trained.get() + "; delete the folder to rebuild it)");
            return new BenchWorld(lake, trained.get());
        }
        long t0 = System.nanoTime();
        if (dataset != null) {
            out.println("Importing " + dataset + " into " + lake + " ...");
            run(out, java.toString(), "-jar", refreshJar.toString(), "import", "movielens", dataset.toString(), "--lake", lake.toString());
        } else {
            out.printf("Writing a synthetic world of ml-latest-small's size (%,d items, %,d users, ~%,d events) into %s ...%n",
                    ITEMS, USERS, USERS * EVENTS_PER_USER, lake);
            synthetic(lake);
        }
        out.println("Training a model bundle (marquee train --days all) ...");
        // as ./marquee train runs it: the ALS kernels use the Vector API
        run(out, java.toString(), "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-jar",
                refreshJar.toString(), "--lake", lake.toString(), "--days", "all");
        String version = newestBundle(lake)
                .orElseThrow(() -> new IllegalStateException("training wrote no bundle under " + lake.resolve("models")));
        out.printf("World ready in %.1f s: model version %s%n", (System.nanoTime() - t0) / 1e9, version);
        return new BenchWorld(lake, version);
    }

    private static java.util.Optional<String> newestBundle(Path lake) {
        if (!Files.isDirectory(lake.resolve("models"))) {
            return java.util.Optional.empty();
        }
        LocalFolderModelStore models = new LocalFolderModelStore(lake);
        return models.versions().stream().filter(v -> models.artifacts(v).contains(BundleFiles.MANIFEST)).reduce((a, b) -> b);
    }

    private static void synthetic(Path lake) throws IOException {
        Instant now = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
        SyntheticDataset world = SyntheticDataset.generate(new SyntheticDataset.Spec(ITEMS, USERS, EVENTS_PER_USER, now,
                Duration.ofDays(28), 42));
        new LocalFolderEventLake(lake, new EventCodec(), Clock.systemUTC()).append(world.events());
        ObjectMapper json = Json.newMapper();
        Path catalog = lake.resolve("catalog/synthetic.jsonl");
        Files.createDirectories(catalog.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(catalog, StandardCharsets.UTF_8)) {
            for (Item item : world.items()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("item_id", item.itemId());
                line.put("title", item.title());
                line.put("genres", item.genres());
                line.put("tags", item.tags());
                if (item.contentType() != null) {
                    line.put("content_type", item.contentType());
                }
                if (item.releasedAt() != null) {
                    line.put("released_at", item.releasedAt().toString());
                }
                line.put("available_countries", item.availableCountries());
                w.write(json.writeValueAsString(line));
                w.newLine();
            }
        }
    }

    /** Every catalog item the lake's catalog/ files hold, validated as the import endpoint does. */
    List<Item> catalog() throws IOException {
        ObjectMapper json = Json.newMapper();
        ItemValidator validator = new ItemValidator();
        List<Item> items = new ArrayList<>();
        Path dir = lake.resolve("catalog");
        if (!Files.isDirectory(dir)) {
            return items;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> fields = json.readValue(line, Map.class);
                        ItemValidator.Result r = validator.validate(null, fields);
                        if (r.valid()) {
                            items.add(r.item());
                        }
                    }
                }
            }
        }
        return items;
    }

    /** Every event in the lake, oldest first. */
    List<InteractionEvent> events() {
        List<InteractionEvent> events = new ArrayList<>();
        new LocalFolderEventLake(lake, new EventCodec(), Clock.systemUTC()).scan(Instant.EPOCH, Instant.now().plusSeconds(3600), events::add);
        events.sort(java.util.Comparator.comparing(InteractionEvent::timestamp));
        return events;
    }

    /** The item ids the bundle has neighbours for (the similar endpoint's model path). */
    List<String> itemsWithNeighbours() {
        byte[] file = new LocalFolderModelStore(lake).get(version, BundleFiles.fileOf(CandidateKind.SIMILAR)).orElseThrow();
        return new ArrayList<>(BundleFiles.readAll(file).keySet());
    }

    private static void run(PrintStream out, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var lines = p.inputReader().lines()) {
            lines.forEach(l -> out.println("  | " + l));
        }
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }
}
