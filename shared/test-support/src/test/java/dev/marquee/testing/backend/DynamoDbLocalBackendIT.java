package dev.marquee.testing.backend;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DynamoDbLocalBackendIT {
    private static final Path METADATA = Path.of(System.getProperty("user.dir"), "dynamodb-local-metadata.json");

    @Test
    void servesOnLoopbackOnlyWithoutTelemetryFilesAndStopsOnClose() throws Exception {
        boolean metadataBefore = Files.exists(METADATA);
        long t0 = System.nanoTime();
        DynamoDbLocalBackend backend = DynamoDbLocalBackend.start();
        long startMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("DynamoDB Local started in " + startMillis + " ms at " + backend.endpoint());
        int port = backend.endpoint().getPort();
        try (DynamoDbClient client = backend.client()) {
            assertThat(backend.endpoint().getHost()).isEqualTo("127.0.0.1");
            client.createTable(b -> b.tableName("probe")
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
            assertThat(client.listTables().tableNames()).contains("probe");

            Optional<InetAddress> external = nonLoopbackAddress();
            assumeTrue(external.isPresent(), "no non-loopback address to probe");
            assertThatThrownBy(() -> connect(external.get(), port)).isInstanceOf(IOException.class);
        } finally {
            backend.close();
        }
        assertThatThrownBy(() -> connect(InetAddress.getLoopbackAddress(), port)).isInstanceOf(IOException.class);
        // telemetry off: the jar writes this file only when its telemetry is configured as enabled
        assertThat(Files.exists(METADATA)).isEqualTo(metadataBefore);
    }

    @Test
    void twoServersGetTwoPortsAndSeparateData() {
        try (DynamoDbLocalBackend a = DynamoDbLocalBackend.start(); DynamoDbLocalBackend b = DynamoDbLocalBackend.start();
             DynamoDbClient ca = a.client(); DynamoDbClient cb = b.client()) {
            ca.createTable(r -> r.tableName("only-in-a")
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(d -> d.attributeName("id").attributeType("S")));

            assertThat(a.endpoint()).isNotEqualTo(b.endpoint());
            assertThat(cb.listTables().tableNames()).doesNotContain("only-in-a");
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 500);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : List.copyOf(NetworkInterface.networkInterfaces().toList())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            Optional<InetAddress> v4 = nic.inetAddresses().filter(a -> a instanceof Inet4Address).findFirst();
            if (v4.isPresent()) {
                return v4;
            }
        }
        return Optional.empty();
    }
}
