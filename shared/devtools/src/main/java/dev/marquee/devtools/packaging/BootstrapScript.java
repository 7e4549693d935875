package dev.marquee.devtools.packaging;

import java.util.List;

/**
 * The {@code bootstrap} of a jvm-aot package, Lambda's entry point on provided.al2023: the bundled runtime runs the
 * runtime interface client's poll loop, which calls Quarkus's stream handler. It runs from the package folder with
 * relative paths, so the AOT cache trained in the build folder matches the classpath in /var/task.
 * {@code MARQUEE_AOT_OPTIONS} replaces {@code -XX:AOTCache=app.aot}: the packager trains with
 * {@code -XX:AOTCacheOutput=app.aot}; set it to {@code -XX:AOTMode=off} to run without the cache.
 */
public final class BootstrapScript {
    public static final String AOT_CACHE = "app.aot";
    public static final String RUNTIME_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /**
     * The same in training and in Lambda (the cache records them): serial GC (one vCPU at 1 GB or less), C1 only (a
     * Lambda's life is short; C2 compiles cost more than they return in a cold start), a heap of up to 75 % of the
     * function's memory (the JVM's default, 25 %, would leave most of what is paid for unused), no hsperfdata file in
     * /tmp, and the runtime interface client's JNI library loaded without a warning.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxRAMPercentage=75", "-XX:-UsePerfData",
            "--enable-native-access=ALL-UNNAMED",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");

    private BootstrapScript() {
    }

    /** @param classpath relative to the package root, in order: the runner jar first, then the client's jars */
    public static String render(List<String> classpath, String handler) {
        return """
                #!/bin/sh
                # Lambda provided.al2023 entry point of a Marquee jvm-aot package (written by ./marquee package --mode jvm-aot):
                # a jlinked Java 25 runtime (runtime/), the function (app/), the AWS Lambda runtime interface client (ric/)
                # and an AOT cache trained on events-samples/ (app.aot). Relative paths: the cache must see the classpath it
                # was trained with. MARQUEE_AOT_OPTIONS replaces -XX:AOTCache=app.aot (training, or -XX:AOTMode=off).
                cd "$(dirname "$0")" || exit 1
                exec ./runtime/bin/java ${MARQUEE_AOT_OPTIONS:--XX:AOTCache=%s} %s \\
                  -cp %s \\
                  %s %s
                """.formatted(AOT_CACHE, String.join(" ", JVM_OPTIONS), String.join(":", classpath), RUNTIME_CLIENT_MAIN, handler);
    }
}
