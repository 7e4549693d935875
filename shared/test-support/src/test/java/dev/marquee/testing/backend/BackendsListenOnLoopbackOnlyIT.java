package dev.marquee.testing.backend;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The S3, SQS and Kinesis servers accept connections on 127.0.0.1 and refuse them on every other address of this host
 * (a server bound to 0.0.0.0 or :: would accept on all of them).
 */
class BackendsListenOnLoopbackOnlyIT {

    @Test
    void s3MockListensOnLoopbackOnly() {
        try (S3MockBackend s3 = S3MockBackend.start()) {
            assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(s3.listeningPorts()).hasSize(2).contains(s3.endpoint().getPort());
            for (int port : s3.listeningPorts()) {
                assertLoopbackOnly(port);
            }
        }
    }

    @Test
    void elasticMqListensOnLoopbackOnly() {
        try (ElasticMqBackend sqs = ElasticMqBackend.start()) {
            assertThat(sqs.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertLoopbackOnly(sqs.port());
        }
    }

    @Test
    void kinesaliteListensOnLoopbackOnly() {
        assumeTrue(KinesaliteBackend.available(), "node and npm are not on the PATH, so kinesalite cannot run");
        try (KinesaliteBackend kinesis = KinesaliteBackend.start()) {
            assertThat(kinesis.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertLoopbackOnly(kinesis.port());
        }
    }

    @Test
    void closingKinesaliteEndsNodeAndReleasesThePort() {
        assumeTrue(KinesaliteBackend.available(), "node and npm are not on the PATH, so kinesalite cannot run");
        KinesaliteBackend kinesis = KinesaliteBackend.start();
        int port = kinesis.port();
        ProcessHandle node = ProcessHandle.of(kinesis.pid()).orElseThrow();
        kinesis.close();
        assertThat(node.isAlive()).isFalse();
        assertThatThrownBy(() -> connect(InetAddress.getLoopbackAddress(), port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void closingReleasesThePort() {
        ElasticMqBackend sqs = ElasticMqBackend.start();
        int port = sqs.port();
        sqs.close();
        assertThatThrownBy(() -> connect(InetAddress.getLoopbackAddress(), port)).isInstanceOf(ConnectException.class);
    }

    private static void assertLoopbackOnly(int port) {
        assertThat(canConnect(InetAddress.getLoopbackAddress(), port)).as("127.0.0.1:%d", port).isTrue();
        List<InetAddress> others = nonLoopbackAddresses();
        assumeFalse(others.isEmpty(), "this host has no non-loopback address to try");
        for (InetAddress a : others) {
            assertThat(canConnect(a, port)).as("%s:%d must refuse", a.getHostAddress(), port).isFalse();
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(BackendsListenOnLoopbackOnlyIT::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress())
                    .filter(a -> a instanceof Inet4Address || (a instanceof Inet6Address v6 && !v6.isLinkLocalAddress()))
                    .toList();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUp(NetworkInterface n) {
        try {
            return n.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean canConnect(InetAddress address, int port) {
        try {
            connect(address, port);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 1000);
        }
    }
}
