package dev.marquee.devtools.packaging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapScriptTest {
    static final String SCRIPT = BootstrapScript.render(List.of("app/fn-runner.jar", "ric/ric.jar"), LambdaFunction.HANDLER);

    @Test
    void runsTheBundledJavaFromThePackageFolderWithRelativeClasspathSoTheCacheMatchesInVarTask() {
        assertThat(SCRIPT).startsWith("#!/bin/sh\n")
                .contains("cd \"$(dirname \"$0\")\" || exit 1\n")
                .contains("exec ./runtime/bin/java ")
                .contains("-cp app/fn-runner.jar:ric/ric.jar \\\n");
    }

    @Test
    void usesTheTrainedCacheUnlessMarqueeAotOptionsSaysOtherwise() {
        assertThat(SCRIPT).contains("${MARQUEE_AOT_OPTIONS:--XX:AOTCache=app.aot}");
    }

    @Test
    void theRuntimeInterfaceClientCallsQuarkusStreamHandler() {
        assertThat(SCRIPT.strip()).endsWith("com.amazonaws.services.lambda.runtime.api.client.AWSLambda "
                + "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
    }

    @Test
    void noSharingFlagsTheAotCacheCannotBeCombinedWith() {
        assertThat(SCRIPT).doesNotContain("-Xshare").contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }
}
