package dev.marquee.adapters.s3;

import dev.marquee.testing.backend.S3MockBackend;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3Mock per test JVM, shared by the contract ITs (each test works in a bucket of its own), started on first use
 * and stopped by a shutdown hook: a start costs seconds, a bucket milliseconds. The outage IT starts its own, to stop.
 */
final class LocalS3 {
    private static S3Client client;

    private LocalS3() {
    }

    static synchronized S3Client client() {
        if (client == null) {
            S3MockBackend started = S3MockBackend.start();
            S3Client c = started.client();
            System.out.printf("S3Mock started in %d ms at %s%n", started.startupTime().toMillis(), started.endpoint());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                c.close();
                started.close();
            }, "s3mock-stop"));
            client = c;
        }
        return client;
    }
}
