package dev.marquee.refresh;

import dev.marquee.adapters.embedded.LocalFolderEventLake;
import dev.marquee.adapters.embedded.LocalFolderLakeFiles;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.adapters.json.EventCodec;
import dev.marquee.adapters.lake.LakeDeletionLog;
import dev.marquee.domain.training.AlsParams;
import dev.marquee.domain.training.SimilarItems;
import dev.marquee.domain.training.UserRecency;
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
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code java -jar marquee-embedding-refresh.jar [options]}: trains on a local-folder lake and writes the bundle under
 * its models/ folder (or under --output). Exit codes: 0 done, 2 bad arguments, 3 no data in the range, 4 failure.
 */
public final class Main {
    static final String USAGE = """
            Usage: marquee train [options]

              --lake DIR             local lake folder (default .marquee/lake)
              --output DIR           where models/<version>/ is written (default: the lake folder)
              --days N|all           train on the last N days before --to (default 30); all: every day the lake holds
              --from T --to T        explicit range [from, to): 2026-11-01 or 2026-11-01T00:00:00Z (--to default: now)
              --factors K            latent factors (default 128)
              --iterations N         ALS iterations (default 15)
              --alpha A              confidence scale, 1 + alpha * weight (default 10)
              --regularization R     L2 regularisation (default 0.1, weighted: times each row's number of pairs)
              --weighted-regularization true|false   weighted lambda (default true) or one lambda for every row
              --cg-steps N           conjugate-gradient steps per solve (default 3)
              --seed S               random seed of the initial factors (default 42)
              --threads N            training threads (default: all cores)
              --half-life-days D     time decay of event weights (default: none)
              --recency-half-life N  per-user recency: a pair weighs 2^(-n/N), n the items the user played later (default RECENCY; 0: off)
              --candidates N         per-user candidates (default 500)
              --similar N            neighbours per item, from the factors and from the catalog metadata (default 50)
              --similar-factor-share S   the factor neighbours' share of the similar lists, the rest co-occurrence (default SHARE)
              --popularity N         items per segment popularity and trending list (default 500)
              --trending-half-life-hours H   half-life of the trending snapshot (default 24)
              --version V            the bundle's version (default: UTC time of the run, e.g. 20261121T205500Z)
              --no-ranker            skip the learned ranker (ranker.onnx, feature_schema.json)
              --ranker-trees N       ranker trees (default 100)
              --ranker-depth D       ranker tree depth (default 5)
              --ranker-grades C,P,F  relevance grades of click, play, completion: the objectives' weights (default 1,2,3)

            In a SageMaker training job the container runs dev.marquee.refresh.SageMakerEntrypoint instead (README).
            Exit codes: 0 done, 2 bad arguments, 3 no data in the range (or no lake), 4 training or writing failed."""
            .replace("RECENCY", String.valueOf(UserRecency.DEFAULT_HALF_LIFE))
            .replace("SHARE", String.valueOf(SimilarItems.DEFAULT_FACTOR_SHARE));

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(Import.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err, Clock.systemUTC()));
        }
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    public static final int OK = 0;
    public static final int BAD_ARGUMENTS = 2;
    public static final int NO_DATA = 3;
    public static final int FAILED = 4;

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        Path lakeDir = Path.of(".marquee/lake");
        Path output = null;
        String days = "30";
        String from = null;
        String to = null;
        AlsParams params = AlsParams.defaults();
        int candidates = 500;
        int similar = 50;
        int popularity = 500;
        Duration halfLife = null;
        double recency = UserRecency.DEFAULT_HALF_LIFE;
        double factorShare = SimilarItems.DEFAULT_FACTOR_SHARE;
        Duration trendingHalfLife = RefreshJob.Options.DEFAULT_TRENDING_HALF_LIFE;
        String version = null;
        RankerParams rankerParams = RankerParams.defaults();
        boolean rankerOn = true;
        try {
            Iterator<String> it = List.of(args).iterator();
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
                    case "--threads" -> params = params.withThreads(positive(a, value(a, v, it)));
                    case "--weighted-regularization" -> params = params.withWeightedRegularization(bool(a, value(a, v, it)));
                    case "--cg-steps" -> params = params.withCgSteps(positive(a, value(a, v, it)));
                    case "--seed" -> params = params.withSeed(whole(a, value(a, v, it)));
                    case "--trending-half-life-hours" -> trendingHalfLife = Duration.ofMillis((long) (number(a, value(a, v, it)) * 3_600_000L));
                    case "--version" -> version = versionName(value(a, v, it));
                    case "--half-life-days" -> halfLife = Duration.ofMillis((long) (number(a, value(a, v, it)) * 86_400_000L));
                    case "--recency-half-life" -> recency = number(a, value(a, v, it));
                    case "--similar-factor-share" -> factorShare = number(a, value(a, v, it));
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
                return NO_DATA;
            }
            Instant[] range = range(lakeDir, days, from, to, clock);
            if (range == null) {
                err.println("marquee train: the lake at " + lakeDir + " holds no events");
                return NO_DATA;
            }
            RefreshJob.Options options = new RefreshJob.Options(range[0], range[1], params, candidates, similar, popularity,
                    halfLife, dev.marquee.domain.model.EventWeights.defaults()).withTrendingHalfLife(trendingHalfLife).withVersion(version)
                    .withRecencyHalfLife(recency).withSimilarFactorShare(factorShare);
            LocalFolderLakeFiles files = new LocalFolderLakeFiles(lakeDir);
            RefreshJob job = new RefreshJob(new LocalFolderEventLake(lakeDir, new EventCodec(), clock),
                    new LakeDeletionLog(files), new LocalFolderModelStore(output == null ? lakeDir : output), files, clock, out,
                    rankerOn ? rankerParams : null);
            try {
                job.run(options);
            } catch (RefreshJob.NoDataException e) {
                err.println("marquee train: " + e.getMessage());
                return NO_DATA;
            }
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("marquee train: " + e.getMessage());
            return BAD_ARGUMENTS;
        } catch (RuntimeException | IOException e) {
            err.println("marquee train: failed: " + e);
            return FAILED;
        }
    }

    /** A version is a folder name in the lake and a key in the registry: letters, digits, '.', '_' and '-' only. */
    static String versionName(String v) {
        if (!v.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("--version must be 1-100 letters, digits, '.', '_' or '-': " + v);
        }
        return v;
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

    private static boolean bool(String option, String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(option + " must be true or false: " + v);
        };
    }

    private static long whole(String option, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number: " + v);
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
