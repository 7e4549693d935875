package dev.marquee.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.embedded.LocalFolderLakeFiles;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.json.Json;
import dev.marquee.adapters.lake.LakeDeletionLog;
import dev.marquee.domain.training.AlsParams;
import dev.marquee.refresh.ranker.CatalogFiles;
import dev.marquee.refresh.ranker.RankerParams;
import dev.marquee.refresh.ranker.RelevanceGrades;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code java -jar marquee-embedding-refresh.jar [options]}: trains on a local-folder lake and writes the bundle under
 * its models/ folder (or under --output). Exit codes: 0 done, 2 bad arguments, 3 no data in the range, 1 anything else.
 */
public final class Main {
    static final String SAGEMAKER_HYPERPARAMETERS = "/opt/ml/input/config/hyperparameters.json";
    static final String SAGEMAKER_LAKE = "/opt/ml/input/data/lake";
    static final String SAGEMAKER_MODEL = "/opt/ml/model";

    static final String USAGE = """
            Usage: marquee train [options]

              --lake DIR             local lake folder (default .marquee/lake)
              --output DIR           where models/<version>/ is written (default: the lake folder)
              --days N|all           train on the last N days before --to (default 30); all: every day the lake holds
              --from T --to T        explicit range [from, to): 2026-11-01 or 2026-11-01T00:00:00Z (--to default: now)
              --factors K            latent factors (default 64)
              --iterations N         ALS iterations (default 15)
              --alpha A              confidence scale, 1 + alpha * weight (default 10)
              --regularization R     L2 regularisation (default 20)
              --threads N            training threads (default: all cores)
              --half-life-days D     time decay of event weights (default: none)
              --candidates N         per-user candidates (default 500)
              --similar N            neighbours per item (default 50)
              --popularity N         items per segment popularity list (default 500)
              --no-ranker            skip the learned ranker (ranker.onnx, feature_schema.json)
              --ranker-trees N       ranker trees (default 100)
              --ranker-depth D       ranker tree depth (default 5)
              --ranker-grades C,P,F  relevance grades of click, play, completion: the objectives' weights (default 1,2,3)
              --sagemaker            SageMaker container mode: lake /opt/ml/input/data/lake, output /opt/ml/model,
                                     options from /opt/ml/input/config/hyperparameters.json (names without the dashes)

            Exit codes: 0 done, 2 bad arguments, 3 no data in the range, 1 failure.""";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(Import.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err, Clock.systemUTC()));
        }
        System.exit(run(args, System.out, System.err, Clock.systemUTC(), Path.of(SAGEMAKER_HYPERPARAMETERS)));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock, Path sagemakerConfig) {
        Path lakeDir = Path.of(".marquee/lake");
        Path output = null;
        String days = "30";
        String from = null;
        String to = null;
        AlsParams params = new AlsParams(64, 15, 20, 10, 3, 42, Runtime.getRuntime().availableProcessors());
        int candidates = 500;
        int similar = 50;
        int popularity = 500;
        Duration halfLife = null;
        RankerParams rankerParams = RankerParams.defaults();
        boolean rankerOn = true;
        try {
            List<String> all = new ArrayList<>(List.of(args));
            if (all.contains("--sagemaker")) {
                all.remove("--sagemaker");
                List<String> fromConfig = sagemakerArgs(sagemakerConfig);
                fromConfig.addAll(all); // the command line wins over hyperparameters.json
                all = new ArrayList<>(List.of("--lake", SAGEMAKER_LAKE, "--output", SAGEMAKER_MODEL));
                all.addAll(fromConfig);
            }
            Iterator<String> it = all.iterator();
            while (it.hasNext()) {
                String a = it.next();
                String v = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    v = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--lake" -> lakeDir = Path.of(value(a, v, it));
                    case "--output" -> output = Path.of(value(a, v, it));
                    case "--days" -> days = value(a, v, it);
                    case "--from" -> from = value(a, v, it);
                    case "--to" -> to = value(a, v, it);
                    case "--factors" -> params = params.withFactors(positive(a, value(a, v, it)));
                    case "--iterations" -> params = params.withIterations(positive(a, value(a, v, it)));
                    case "--alpha" -> params = params.withAlpha(number(a, value(a, v, it)));
                    case "--regularization" -> params = params.withRegularization(number(a, value(a, v, it)));
                    case "--threads" -> {
                        int n = positive(a, value(a, v, it));
                        params = new AlsParams(params.factors(), params.iterations(), params.regularization(), params.alpha(),
                                params.cgSteps(), params.seed(), n);
                    }
                    case "--half-life-days" -> halfLife = Duration.ofMillis((long) (number(a, value(a, v, it)) * 86_400_000L));
                    case "--candidates" -> candidates = positive(a, value(a, v, it));
                    case "--similar" -> similar = positive(a, value(a, v, it));
                    case "--popularity" -> popularity = positive(a, value(a, v, it));
                    case "--no-ranker" -> rankerOn = false;
                    case "--ranker-trees" -> rankerParams = rankerParams.withTrees(positive(a, value(a, v, it)));
                    case "--ranker-depth" -> rankerParams = rankerParams.withDepth(positive(a, value(a, v, it)));
                    case "--ranker-grades" -> rankerParams = rankerParams.withGrades(grades(a, value(a, v, it)));
                    default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
                }
            }
            if (!Files.isDirectory(lakeDir)) {
                err.println("marquee train: no lake folder at " + lakeDir.toAbsolutePath()
                        + " (run ./marquee local or ./marquee import first, or give --lake DIR)");
                return 3;
            }
            Instant[] range = range(lakeDir, days, from, to, clock);
            if (range == null) {
                err.println("marquee train: the lake at " + lakeDir + " holds no events");
                return 3;
            }
            RefreshJob.Options options = new RefreshJob.Options(range[0], range[1], params, candidates, similar, popularity,
                    halfLife, dev.marquee.domain.model.EventWeights.defaults());
            LocalFolderLakeFiles files = new LocalFolderLakeFiles(lakeDir);
            RefreshJob job = new RefreshJob(new LocalFolderEventLake(lakeDir, new EventCodec(), clock),
                    new LakeDeletionLog(files), new LocalFolderModelStore(output == null ? lakeDir : output), clock, out,
                    rankerOn ? rankerParams : null, rankerOn ? CatalogFiles.read(files) : Map.of());
            try {
                job.run(options);
            } catch (RefreshJob.NoDataException e) {
                err.println("marquee train: " + e.getMessage());
                return 3;
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("marquee train: " + e.getMessage());
            return 2;
        } catch (RuntimeException | IOException e) {
            err.println("marquee train: failed: " + e);
            return 1;
        }
    }

    private static RelevanceGrades grades(String option, String value) {
        String[] parts = value.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(option + " takes three integers click,play,complete: " + value);
        }
        try {
            return new RelevanceGrades(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes three integers click,play,complete: " + value);
        }
    }

    /** hyperparameters.json (SageMaker passes every value as a string) as command-line options. */
    static List<String> sagemakerArgs(Path config) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(config)) {
            return out;
        }
        JsonNode root = Json.newMapper().readTree(Files.readAllBytes(config));
        if (!root.isObject()) {
            throw new IllegalArgumentException(config + " is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String name = e.getKey().replace('_', '-');
            if (name.equals("lake") || name.equals("output") || name.equals("sagemaker")) {
                throw new IllegalArgumentException("hyperparameter " + e.getKey() + " is fixed in SageMaker mode");
            }
            out.add("--" + name);
            out.add(e.getValue().asText());
        }
        return out;
    }

    /** [from, to); null when --days all and the lake has no event partitions. */
    static Instant[] range(Path lakeDir, String days, String from, String to, Clock clock) throws IOException {
        if (days.equals("all") && from == null && to == null) {
            Optional<LocalDate[]> span = eventDays(lakeDir);
            if (span.isEmpty()) {
                return null;
            }
            return new Instant[]{span.get()[0].atStartOfDay(ZoneOffset.UTC).toInstant(),
                    span.get()[1].plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()};
        }
        Instant end = to == null ? clock.instant() : instant("--to", to);
        Instant start;
        if (from != null) {
            start = instant("--from", from);
        } else if (days.equals("all")) {
            Optional<LocalDate[]> span = eventDays(lakeDir);
            if (span.isEmpty()) {
                return null;
            }
            start = span.get()[0].atStartOfDay(ZoneOffset.UTC).toInstant();
        } else {
            start = end.minus(Duration.ofDays(positive("--days", days)));
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("--from must be before --to (" + start + " .. " + end + ")");
        }
        return new Instant[]{start, end};
    }

    /** The first and last dt=YYYY-MM-DD partition under events/. */
    static Optional<LocalDate[]> eventDays(Path lakeDir) throws IOException {
        Path events = lakeDir.resolve("events");
        if (!Files.isDirectory(events)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(events)) {
            List<LocalDate> dates = dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dt="))
                    .map(n -> LocalDate.parse(n.substring(3))).sorted().toList();
            return dates.isEmpty() ? Optional.empty() : Optional.of(new LocalDate[]{dates.getFirst(), dates.getLast()});
        }
    }

    private static Instant instant(String option, String v) {
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z): " + v);
        }
    }

    private static String value(String option, String inline, Iterator<String> it) {
        if (inline != null) {
            return inline;
        }
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }

    private static int positive(String option, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive whole number: " + v);
        }
    }

    private static double number(String option, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number: " + v);
        }
    }
}
