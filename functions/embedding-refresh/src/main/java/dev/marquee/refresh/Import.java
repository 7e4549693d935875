package dev.marquee.refresh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.embedded.LocalFolderLakeFiles;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.json.Json;
import dev.marquee.domain.model.EventContext;
import dev.marquee.domain.model.EventType;
import dev.marquee.domain.model.InteractionEvent;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code marquee import movielens|csv PATH}: a public data set's ratings as {@code rate} events into the local lake
 * (event ids derived from user, item and time, so importing twice is de-duplicated by training), and for MovieLens its
 * movies as a catalog JSON-lines file under {@code catalog/} in the format POST /v1/items:import reads.
 */
final class Import {
    static final String USAGE = """
            Usage: marquee import movielens|csv PATH [--lake DIR]

              movielens PATH   a MovieLens folder: ml-100k (u.data, u.item) or ml-latest/-small/20M (ratings.csv, movies.csv)
              csv PATH         a user,item,timestamp[,rating] file (a header line is skipped); events are `rate` with a
                               rating, `play` without one; timestamps in seconds or milliseconds
              --lake DIR       local lake folder (default .marquee/lake)""";
    private static final DateTimeFormatter ML100K_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    private static final int BATCH = 20_000;

    private final ObjectMapper json = Json.newMapper();

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String kind = args[0];
        Path path = null;
        Path lake = Path.of(".marquee/lake");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--lake") && i + 1 < args.length) {
                lake = Path.of(args[++i]);
            } else if (!args[i].startsWith("--") && path == null) {
                path = Path.of(args[i]);
            } else {
                err.println("marquee import: unexpected argument " + args[i] + "\n" + USAGE);
                return 2;
            }
        }
        if (path == null || !Files.exists(path)) {
            err.println("marquee import: PATH is required and must exist: " + path);
            return 2;
        }
        try {
            Import im = new Import();
            long t0 = System.nanoTime();
            String summary = switch (kind) {
                case "movielens" -> im.movielens(path, lake, clock);
                case "csv" -> im.csv(path, lake, clock);
                default -> throw new IllegalArgumentException("unknown data set kind '" + kind + "' (movielens or csv)");
            };
            out.printf(Locale.ROOT, "%s into %s in %.1fs%n", summary, lake, (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("marquee import: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("marquee import: failed: " + e);
            return 1;
        }
    }

    private String movielens(Path dir, Path lakeDir, Clock clock) throws IOException {
        String name = dir.getFileName().toString();
        Sink sink = new Sink(new LocalFolderEventLake(lakeDir, new EventCodec(), clock), "ml-" + name);
        List<ObjectNode> items = new ArrayList<>();
        if (Files.exists(dir.resolve("u.data"))) {
            try (BufferedReader r = Files.newBufferedReader(dir.resolve("u.data"), StandardCharsets.ISO_8859_1)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        String[] f = line.split("\t");
                        sink.add(f[0].trim(), f[1].trim(), Double.parseDouble(f[2].trim()), Long.parseLong(f[3].trim()));
                    }
                }
            }
            List<String> genres = new ArrayList<>();
            if (Files.exists(dir.resolve("u.genre"))) {
                for (String line : Files.readAllLines(dir.resolve("u.genre"), StandardCharsets.ISO_8859_1)) {
                    if (!line.isBlank()) {
                        genres.add(line.split("\\|")[0]);
                    }
                }
            }
            if (Files.exists(dir.resolve("u.item"))) {
                for (String line : Files.readAllLines(dir.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split("\\|", -1);
                    List<String> g = new ArrayList<>();
                    for (int i = 5; i < f.length && i - 5 < genres.size(); i++) {
                        if (f[i].equals("1") && !genres.get(i - 5).equals("unknown")) {
                            g.add(genres.get(i - 5));
                        }
                    }
                    Instant released = null;
                    try {
                        released = f[2].isBlank() ? null : LocalDate.parse(f[2], ML100K_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException ignored) {
                        // unknown release date
                    }
                    items.add(item(f[0], f[1], g, released));
                }
            }
        } else if (Files.exists(dir.resolve("ratings.csv"))) {
            readCsv(dir.resolve("ratings.csv"), StandardCharsets.UTF_8, f -> {
                if (f.size() >= 4 && f.get(3).matches("\\d+")) {
                    sink.add(f.get(0), f.get(1), Double.parseDouble(f.get(2)), Long.parseLong(f.get(3)));
                }
            });
            if (Files.exists(dir.resolve("movies.csv"))) {
                readCsv(dir.resolve("movies.csv"), StandardCharsets.UTF_8, f -> {
                    if (f.size() >= 3 && f.get(0).matches("\\d+")) {
                        List<String> g = new ArrayList<>();
                        for (String s : f.get(2).split("\\|")) {
                            if (!s.isBlank() && !s.equals("(no genres listed)")) {
                                g.add(s);
                            }
                        }
                        items.add(item(f.get(0), f.get(1), g, null));
                    }
                });
            }
        } else {
            throw new IllegalArgumentException(dir + " holds neither u.data nor ratings.csv");
        }
        sink.flush();
        String catalog = items.isEmpty() ? "no catalog file" : writeCatalog(lakeDir, "catalog/movielens-" + name + ".jsonl", items);
        return String.format(Locale.ROOT, "imported %,d rating events (%,d users, %,d items, %s .. %s) and %s",
                sink.count, sink.users.size(), sink.items.size(), sink.first, sink.last,
                items.isEmpty() ? catalog : String.format(Locale.ROOT, "%,d catalog items to %s", items.size(), catalog));
    }

    private String csv(Path file, Path lakeDir, Clock clock) throws IOException {
        Sink sink = new Sink(new LocalFolderEventLake(lakeDir, new EventCodec(), clock), "csv-" + file.getFileName());
        readCsv(file, StandardCharsets.UTF_8, f -> {
            if (f.size() >= 3 && f.get(2).matches("\\d+")) {
                long t = Long.parseLong(f.get(2));
                sink.add(f.get(0), f.get(1), f.size() > 3 && !f.get(3).isBlank() ? Double.parseDouble(f.get(3)) : null,
                        t < 100_000_000_000L ? t : t / 1000);
            }
        });
        sink.flush();
        return String.format(Locale.ROOT, "imported %,d events (%,d users, %,d items, %s .. %s)",
                sink.count, sink.users.size(), sink.items.size(), sink.first, sink.last);
    }

    private ObjectNode item(String id, String title, List<String> genres, Instant released) {
        ObjectNode n = json.createObjectNode();
        n.put("item_id", id.trim());
        n.put("title", title.trim());
        ArrayNode g = n.putArray("genres");
        genres.forEach(g::add);
        n.put("content_type", "movie");
        if (released != null) {
            n.put("released_at", released.toString());
        }
        return n;
    }

    private String writeCatalog(Path lakeDir, String key, List<ObjectNode> items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ObjectNode n : items) {
            bytes.write(json.writeValueAsBytes(n));
            bytes.write('\n');
        }
        new LocalFolderLakeFiles(lakeDir).put(key, bytes.toByteArray());
        return key;
    }

    /** Batches events into the lake; counts what it wrote. */
    private static final class Sink {
        private final LocalFolderEventLake lake;
        private final String prefix;
        private final List<InteractionEvent> batch = new ArrayList<>(BATCH);
        private final java.util.Set<String> users = new java.util.HashSet<>();
        private final java.util.Set<String> items = new java.util.HashSet<>();
        private long count;
        private Instant first;
        private Instant last;

        Sink(LocalFolderEventLake lake, String prefix) {
            this.lake = lake;
            this.prefix = prefix;
        }

        void add(String user, String item, Double rating, long epochSeconds) {
            Instant at = Instant.ofEpochSecond(epochSeconds);
            EventType type = rating == null ? EventType.PLAY : EventType.RATE;
            batch.add(new InteractionEvent(prefix + "-" + user + "-" + item + "-" + epochSeconds, user, item, type, at,
                    null, rating, null, EventContext.EMPTY));
            users.add(user);
            items.add(item);
            count++;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                lake.append(List.copyOf(batch));
                batch.clear();
            }
        }
    }

    /** RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks; the first line is read like any other. */
    static void readCsv(Path file, Charset charset, java.util.function.Consumer<List<String>> row) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, charset)) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c;
            boolean any = false;
            while ((c = r.read()) != -1) {
                any = true;
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        r.mark(1);
                        int next = r.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                r.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    fields.add(field.toString().trim());
                    field.setLength(0);
                } else if (ch == '\n') {
                    fields.add(field.toString().trim());
                    field.setLength(0);
                    row.accept(fields);
                    fields = new ArrayList<>();
                    any = false;
                } else if (ch != '\r') {
                    field.append(ch);
                }
            }
            if (any) {
                fields.add(field.toString().trim());
                row.accept(fields);
            }
        }
    }
}
