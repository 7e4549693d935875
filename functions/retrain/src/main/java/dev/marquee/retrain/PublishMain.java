package dev.marquee.retrain;

import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.dynamodb.DynamoDbCandidateStore;
import dev.marquee.adapters.dynamodb.DynamoDbModelRegistry;
import dev.marquee.adapters.dynamodb.DynamoDbTables;
import dev.marquee.adapters.embedded.InMemoryCandidateStore;
import dev.marquee.adapters.embedded.InMemoryModelRegistry;
import dev.marquee.adapters.embedded.LocalFolderModelStore;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.publish.BundlePublisher;
import dev.marquee.domain.publish.PublishGate;
import dev.marquee.domain.publish.PublishResult;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Publishes a model bundle from a local-folder lake, or rolls back, from the command line. A plain Java entry point
 * for now: the retrain Lambda (Quarkus, on SageMaker job-state events) will call the same {@link BundlePublisher}.
 *
 * <p>With {@code --dynamodb-endpoint URL} it works on the DynamoDB tables there ({@link DynamoDbTables#DEFAULTS},
 * created when missing). Without it, publish runs against throw-away in-memory stores: a check of the bundle (gate
 * against nothing active, checksums, every list decodes) that persists nothing.
 *
 * <p>Exit status: 0 published / rolled back / checked, 1 refused, 2 usage error, 3 conflict (another writer won),
 * 4 a store failed (nothing switched).
 */
public final class PublishMain {
    static final String USAGE = """
            Usage: publish --lake DIR --version V [--margin M] [--relative] [--dynamodb-endpoint URL]
                   publish --rollback --dynamodb-endpoint URL

            Publishes models/<V>/ of the lake folder DIR: checks the quality gate (the bundle's iALS ndcg@10 may be at
            most M below the active version's; M is absolute, default 0.02, or with --relative a fraction of the
            active value, e.g. 0.05 = 5 %), verifies the sha256 of each list file against manifest.json, loads the
            lists under version V, then switches the active version in one conditional write. The version before the
            previous one is deleted. --rollback makes the previous version active again.

            --dynamodb-endpoint URL  the DynamoDB to publish to (e.g. http://127.0.0.1:8000 for DynamoDB Local);
                                     tables marquee-candidates and marquee-models are created when missing.
                                     Without it, publish only checks the bundle against in-memory stores.
            --region R               region for the DynamoDB client (default us-east-1)
            --chunk N                lists per write batch (default 1000)

            Note: ./marquee local keeps its stores in memory and does not read published bundles yet.
            Exit status: 0 done, 1 refused, 2 usage, 3 conflict with a concurrent publish or rollback, 4 a store failed.
            """;

    private PublishMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("publish: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (o.help) {
            out.print(USAGE);
            return 0;
        }
        DynamoDbClient client = o.endpoint == null ? null : client(o.endpoint, o.region);
        try {
            CandidateStore candidates;
            ModelRegistry registry;
            if (client != null) {
                DynamoDbTables.createCandidates(client, DynamoDbTables.CANDIDATES);
                DynamoDbTables.createModels(client, DynamoDbTables.MODELS);
                candidates = new DynamoDbCandidateStore(client, DynamoDbTables.CANDIDATES);
                registry = new DynamoDbModelRegistry(client, DynamoDbTables.MODELS);
            } else {
                candidates = new InMemoryCandidateStore();
                registry = new InMemoryModelRegistry();
            }
            LocalFolderModelStore lake = new LocalFolderModelStore(o.lake == null ? Path.of(".") : o.lake);
            BundlePublisher publisher = new BundlePublisher(lake, BundleFiles::read, candidates, registry,
                    o.gate(), Clock.systemUTC(), o.chunk);
            PublishResult result;
            if (o.rollback) {
                result = publisher.rollback();
            } else {
                result = publisher.publish(BundleManifest.read(lake, o.version));
            }
            out.println(describe(result, client == null));
            return switch (result.outcome()) {
                case PUBLISHED, ROLLED_BACK -> 0;
                case REFUSED -> 1;
                case CONFLICT -> 3;
            };
        } catch (BundleManifest.InvalidBundleException e) {
            out.println("refused " + o.version + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // a store down or unreachable: nothing was switched (the switch is the last step, one write)
            err.println("publish: failed, the active version is unchanged: " + e);
            return 4;
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    static String describe(PublishResult r, boolean checkOnly) {
        String head = switch (r.outcome()) {
            case PUBLISHED -> checkOnly ? "checked " + r.version() + " (no --dynamodb-endpoint: nothing persisted)"
                    : "published " + r.version() + (r.replaced() == null ? "" : " (was " + r.replaced() + ")");
            case ROLLED_BACK -> "rolled back to " + r.version() + " (was " + r.replaced() + ")";
            case REFUSED -> "refused " + (r.version() == null ? "" : r.version()) ;
            case CONFLICT -> "conflict " + r.version();
        };
        StringBuilder s = new StringBuilder(head).append(": ").append(r.reason());
        if (!r.lists().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%n  lists loaded: %s (%d in all)", r.lists(), r.totalLists()));
        }
        if (!r.deleted().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%n  deleted lists of: %s", String.join(", ", r.deleted())));
        }
        return s.toString();
    }

    private static DynamoDbClient client(URI endpoint, String region) {
        // local use: DynamoDB Local ignores credentials, so dummy static ones keep the default chain out of it
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    static final class Options {
        boolean help;
        boolean rollback;
        Path lake;
        String version;
        double margin = 0.02;
        boolean relative;
        URI endpoint;
        String region = "us-east-1";
        int chunk = BundlePublisher.DEFAULT_CHUNK;

        PublishGate gate() {
            return relative ? PublishGate.relative(margin) : PublishGate.absolute(margin);
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> o.help = true;
                    case "--rollback" -> o.rollback = true;
                    case "--relative" -> o.relative = true;
                    case "--lake" -> o.lake = Path.of(value(args, ++i, a));
                    case "--version" -> o.version = value(args, ++i, a);
                    case "--margin" -> o.margin = number(value(args, ++i, a), a);
                    case "--dynamodb-endpoint" -> o.endpoint = uri(value(args, ++i, a));
                    case "--region" -> o.region = value(args, ++i, a);
                    case "--chunk" -> o.chunk = (int) number(value(args, ++i, a), a);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.help) {
                return o;
            }
            if (o.rollback) {
                if (o.endpoint == null) {
                    throw new IllegalArgumentException("--rollback needs --dynamodb-endpoint (the in-memory registry has nothing to roll back)");
                }
                if (o.version != null) {
                    throw new IllegalArgumentException("--rollback takes no --version: it re-activates the previous one");
                }
                return o;
            }
            if (o.lake == null || o.version == null) {
                throw new IllegalArgumentException("publish needs --lake DIR and --version V");
            }
            if (!Files.isDirectory(o.lake)) {
                throw new IllegalArgumentException("--lake " + o.lake + " is not a folder");
            }
            if (o.chunk < 1) {
                throw new IllegalArgumentException("--chunk must be >= 1");
            }
            try {
                o.gate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--margin: " + e.getMessage());
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static double number(String s, String option) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number: " + s);
            }
        }

        private static URI uri(String s) {
            try {
                URI u = URI.create(s);
                if (u.getScheme() == null || u.getHost() == null) {
                    throw new IllegalArgumentException("--dynamodb-endpoint needs a URL like http://127.0.0.1:8000: " + s);
                }
                return u;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--dynamodb-endpoint needs a URL like http://127.0.0.1:8000: " + s);
            }
        }
    }
}
