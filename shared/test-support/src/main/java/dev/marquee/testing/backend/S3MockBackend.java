package dev.marquee.testing.backend;


import com.adobe.testing.s3mock.S3MockApplication;
import dev.marquee.testing.TestFiles;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Adobe's S3Mock (a Spring Boot application with full S3 fidelity) started in this JVM, serving plain HTTP on
 * 127.0.0.1 only, with its object store in a folder this backend owns and deletes on {@link #close()}.
 *
 * <p>S3Mock's own {@code S3MockApplication.start} is not used, because:
 * <ul>
 *   <li>its extra plain-HTTP connector ({@code http.port}) binds every interface; a {@link BeanPostProcessor}
 *       registered here pins it to 127.0.0.1 before Tomcat starts, and the main connector gets
 *       {@code server.address=127.0.0.1}; {@link #start} then checks every Tomcat connector and refuses to run
 *       if one is not on loopback;</li>
 *   <li>Spring Boot's logging listener would reconfigure the whole JVM's logging (it insists that SLF4J be bound
 *       to Logback; the test JVMs here use JBoss LogManager); it is removed, so S3Mock logs through whatever the
 *       JVM already uses;</li>
 *   <li>{@code spring.config.name} is set to a name no file has, so Spring never reads some other module's
 *       {@code application.properties} (a Quarkus one, say) from the classpath; every property S3Mock needs is
 *       passed here instead;</li>
 *   <li>its store would default to a {@code s3mockFileStore*} folder in the system temp folder that outlives
 *       the JVM;</li>
 *   <li>Tomcat leaves {@code catalina.home}/{@code catalina.base} system properties pointing at its base dir, and
 *       the next Tomcat in the JVM recreates that dir; they are restored after start.</li>
 * </ul>
 * No TLS connector is configured (no keystore is given), so both Tomcat connectors speak plain HTTP.
 */
public final class S3MockBackend implements LocalBackend {
    private static final Region REGION = Region.US_EAST_1;
    private static final String CATALINA_HOME = "catalina.home";
    private static final String CATALINA_BASE = "catalina.base";

    private final ConfigurableApplicationContext context;
    private final Path workDir;
    private final Path storeRoot;
    private final URI endpoint;
    private final Duration startup;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S3MockBackend(ConfigurableApplicationContext context, Path workDir, Path storeRoot, URI endpoint, Duration startup) {
        this.context = context;
        this.workDir = workDir;
        this.storeRoot = storeRoot;
        this.endpoint = endpoint;
        this.startup = startup;
    }

    /** Starts S3Mock with its files in a new folder under {@code java.io.tmpdir} (the build's target/ in tests). */
    public static S3MockBackend start() {
        try {
            return start(Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "marquee-s3mock-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts S3Mock with its buckets under {@code workDir/store} and Tomcat's scratch files under
     * {@code workDir/tomcat}; {@link #close()} deletes {@code workDir}.
     */
    public static S3MockBackend start(Path workDir) {
        return start(workDir, false);
    }

    /**
     * Like {@link #start(Path)}, but the endpoint speaks HTTPS (S3Mock's bundled self-signed certificate): the SDK then
     * sends payloads unsigned with a trailing checksum, as against real S3, instead of SigV4-signing every chunk as it
     * does over plain HTTP. For benchmarks whose figures should carry over to AWS.
     */
    public static S3MockBackend startWithTls(Path workDir) {
        return start(workDir, true);
    }

    private static S3MockBackend start(Path workDir, boolean tls) {
        long t0 = System.nanoTime();
        Path store = workDir.resolve("store");
        Path tomcat = workDir.resolve("tomcat");
        try {
            Files.createDirectories(store);
            Files.createDirectories(tomcat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.config.name", "marquee-s3mock-no-config-file");
        props.put("spring.main.banner-mode", "off");
        props.put("spring.main.lazy-initialization", "true");
        props.put("spring.main.cloud-platform", "none");
        props.put("spring.jmx.enabled", "false");
        props.put("management.endpoints.web.discovery.enabled", "false");
        props.put("management.endpoints.access.default", "none");
        // the main connector (plain HTTP: no keystore) on a random loopback port
        props.put("server.address", FreePort.LOOPBACK);
        props.put("server.port", "0");
        props.put("server.tomcat.basedir", tomcat.toString());
        // the plain-HTTP connector S3Mock adds, on a port the kernel picks at bind time (read back after start);
        // pinned to loopback by LoopbackConnectors below
        props.put("http.port", "0");
        props.put("com.adobe.testing.s3mock.httpPort", "0");
        props.put("com.adobe.testing.s3mock.store.root", store.toString());
        props.put("com.adobe.testing.s3mock.store.retain-files-on-exit", "false");
        props.put("com.adobe.testing.s3mock.store.region", REGION.id());
        props.put("com.adobe.testing.s3mock.max-payload-size", "10MB");
        props.put("server.tomcat.max-part-count", "-1");
        props.put("server.tomcat.max-swallow-size", "10MB");
        props.put("server.tomcat.max-http-form-post-size", "10MB");
        props.put("spring.servlet.multipart.max-file-size", "10MB");
        props.put("spring.servlet.multipart.max-request-size", "10MB");
        if (tls) {
            // what S3MockApplication.start would set: the main connector serves TLS with the bundled certificate
            props.put("server.ssl.key-store", "classpath:s3mock.jks");
            props.put("server.ssl.key-store-password", "password");
            props.put("server.ssl.key-alias", "selfsigned");
            props.put("server.ssl.key-password", "password");
        }

        SpringApplicationBuilder builder = new SpringApplicationBuilder(S3MockApplication.class)
                .properties(props)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new LoopbackConnectors()));
        SpringApplication app = builder.application();
        Set<ApplicationListener<?>> listeners = app.getListeners().stream()
                .filter(l -> !(l instanceof LoggingApplicationListener))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        app.setListeners(listeners);

        // Tomcat sets catalina.home (once, if unset) and catalina.base to its base dir as JVM-wide properties; a
        // later Tomcat in this JVM would then recreate this instance's folder after close() deleted it
        String catalinaHome = System.getProperty(CATALINA_HOME);
        String catalinaBase = System.getProperty(CATALINA_BASE);
        ConfigurableApplicationContext context;
        try {
            context = builder.run();
        } catch (RuntimeException e) {
            TestFiles.deleteRecursively(workDir);
            throw e;
        } finally {
            restoreProperty(CATALINA_HOME, catalinaHome);
            restoreProperty(CATALINA_BASE, catalinaBase);
        }
        int httpPort;
        try {
            assertLoopbackOnly(context);
            httpPort = context.getBean(Connector.class).getLocalPort();
            if (httpPort <= 0) {
                throw new IllegalStateException("S3Mock's HTTP connector is not listening");
            }
        } catch (RuntimeException e) {
            context.close();
            TestFiles.deleteRecursively(workDir);
            throw e;
        }
        URI endpoint = tls
                ? URI.create("https://" + FreePort.LOOPBACK + ":" + tomcat(context).getPort())
                : URI.create("http://" + FreePort.LOOPBACK + ":" + httpPort);
        return new S3MockBackend(context, workDir, store, endpoint, Duration.ofNanos(System.nanoTime() - t0));
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The folder holding the buckets (deleted on close). */
    public Path storeRoot() {
        return storeRoot;
    }

    /** The local ports of every Tomcat connector (the endpoint's and the unused main one), for binding checks. */
    List<Integer> listeningPorts() {
        return Arrays.stream(tomcat(context).getTomcat().getService().findConnectors()).map(Connector::getLocalPort).toList();
    }

    /** How long {@link #start} took. */
    public Duration startupTime() {
        return startup;
    }

    /**
     * A client for this server: path-style, URL-connection HTTP client, dummy static credentials, us-east-1; over
     * HTTPS it trusts the self-signed certificate of this loopback server (and nothing else is ever reached).
     */
    public S3Client client() {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10));
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(endpoint.getScheme().equals("https")
                        ? http.buildWithDefaults(software.amazon.awssdk.utils.AttributeMap.builder()
                                .put(software.amazon.awssdk.http.SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true).build())
                        : http.build())
                .build();
    }

    /** Stops S3Mock and deletes its folder; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            context.close();
        } finally {
            TestFiles.deleteRecursively(workDir);
        }
    }

    private static TomcatWebServer tomcat(ConfigurableApplicationContext context) {
        if (!(context instanceof WebServerApplicationContext web) || !(web.getWebServer() instanceof TomcatWebServer tomcat)) {
            throw new IllegalStateException("S3Mock did not start an embedded Tomcat");
        }
        return tomcat;
    }

    private static void assertLoopbackOnly(ConfigurableApplicationContext context) {
        for (Connector c : tomcat(context).getTomcat().getService().findConnectors()) {
            Object address = c.getProperty("address");
            boolean loopback = address instanceof InetAddress a && a.isLoopbackAddress();
            if (!loopback) {
                throw new IllegalStateException("S3Mock connector on port " + c.getLocalPort() + " is bound to " + address + ", not loopback");
            }
        }
    }

    private static void restoreProperty(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }


    /** Pins every Tomcat connector S3Mock defines as a bean (its extra plain-HTTP one) to 127.0.0.1. */
    private static final class LoopbackConnectors implements BeanPostProcessor {
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof Connector connector && !connector.setProperty("address", FreePort.LOOPBACK)) {
                throw new IllegalStateException("cannot pin S3Mock connector " + beanName + " to " + FreePort.LOOPBACK);
            }
            return bean;
        }
    }
}
