package dev.marquee.testing.lambda;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the function's Lambda poll loop at a loopback Runtime API stub for the duration of the tests. */
public class LambdaRuntimeResource implements QuarkusTestResourceLifecycleManager {
    /** The stub of the running test class; set in start(). */
    public static LambdaRuntimeApiStub runtime;

    @Override
    public Map<String, String> start() {
        runtime = LambdaRuntimeApiStub.start();
        return Map.of("quarkus-internal.aws-lambda.test-api", runtime.address());
    }

    @Override
    public void stop() {
        runtime.close();
    }
}
