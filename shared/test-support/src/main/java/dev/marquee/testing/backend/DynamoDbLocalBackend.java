package dev.marquee.testing.backend;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.monitoring.TelemetryUtil;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DynamoDB Local 2.6.1 as an in-process HTTP server on a free loopback port, in memory, one shared database.
 *
 * <p>Why not {@code ServerRunner}: its {@code DynamoDBProxyServer} builds {@code new Server(port)}, which binds every
 * interface, and swallows bind errors. So this class wires DynamoDB Local's own request handler into a Jetty server
 * whose only connector is pinned to 127.0.0.1, and takes its settings from DynamoDB Local's own command-line parser.
 *
 * <p>Telemetry: 2.6.1 sends it (Pinpoint) and writes {@code dynamodb-local-metadata.json} into {@code user.dir} only
 * when its {@code Telemetry} singleton is configured as enabled, which happens in {@code ServerRunner} alone. This class
 * never calls it, and still passes {@code -disableTelemetry} (which 2.6.1 honours before its {@code DDB_LOCAL_TELEMETRY}
 * environment variable) and refuses to start if the jar would consider telemetry on, so a future change of wiring
 * cannot silently turn it back on.
 */
public final class DynamoDbLocalBackend implements LocalBackend {
    /** The flags of {@code java -jar DynamoDBLocal.jar} this server runs with. */
    static final String[] FLAGS = {"-inMemory", "-sharedDb", "-disableTelemetry"};

    private static final Region REGION = Region.US_EAST_1;
    private static final AwsBasicCredentials DUMMY = AwsBasicCredentials.create("local", "local");

    private static final int BIND_ATTEMPTS = 3;

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DynamoDbLocalBackend(Server server, LocalDynamoDBServerHandler handler, URI endpoint) {
        this.server = server;
        this.handler = handler;
        this.endpoint = endpoint;
    }

    public static DynamoDbLocalBackend start() {
        CommandLineInput options;
        try {
            options = new CommandLineInput(FLAGS);
            // the constructor only parses; init() sets the fields the getters read
            if (!options.init()) {
                throw new IllegalStateException("DynamoDB Local refused " + String.join(" ", FLAGS));
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local rejected " + String.join(" ", FLAGS), e);
        }
        if (TelemetryUtil.isTelemetryEnabled(options.isDisableTelemetry())) {
            throw new IllegalStateException("DynamoDB Local would send telemetry with " + String.join(" ", FLAGS));
        }
        Exception last = null;
        // FreePort releases the port before Jetty binds it: another process may take it in between, so retry
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            LocalDynamoDBServerHandler handler = null;
            Server server = new Server();
            try {
                // port 0: the connector owns the port, the request handler does not use it
                handler = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, options.isInMemory(),
                        options.getDbPath(), options.getSharedDb(), options.shouldDelayTransientStatuses()),
                        options.getCorsParams());
                ServerConnector connector = new ServerConnector(server);
                connector.setHost(FreePort.LOOPBACK);
                connector.setPort(FreePort.next());
                server.addConnector(connector);
                ContextHandler context = new ContextHandler();
                context.setHandler(handler);
                server.setHandler(context);
                server.start();
                URI endpoint = URI.create("http://" + FreePort.LOOPBACK + ":" + connector.getLocalPort());
                return new DynamoDbLocalBackend(server, handler, endpoint);
            } catch (Exception e) {
                last = e;
                stopQuietly(server, handler);
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    private static void stopQuietly(Server server, LocalDynamoDBServerHandler handler) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it never ran
        }
        if (handler != null) {
            handler.close();
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /**
     * A client for this server: url-connection HTTP, dummy static credentials, us-east-1, and the standard retry mode
     * (3 attempts instead of DynamoDB's 9: a local server is never throttled, and outage tests fail fast). The caller
     * closes it.
     */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(DUMMY))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    /** Stops the server and closes its in-memory database; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        } finally {
            handler.close();
        }
    }
}
