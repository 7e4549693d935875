package dev.marquee.devtools.packaging;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a function's process talks to instead of AWS while the packager trains its AOT cache or the cold-start bench
 * times it: servers on 127.0.0.1, and the environment variables that point the function at them. api and ingest need
 * none (FunctionProcess gives them the embedded backend); retrain has no embedded mode ({@link RetrainStandIns}).
 */
interface StandIns extends AutoCloseable {
    StandIns NONE = new StandIns() {
        @Override
        public Map<String, String> env() {
            return Map.of();
        }

        @Override
        public void close() {
        }
    };

    /** Started for {@code function}; the servers keep their files under {@code scratch}. */
    static StandIns start(LambdaFunction function, Path scratch) {
        return function.name().equals("retrain") ? RetrainStandIns.start(scratch) : NONE;
    }

    /** Added to (and overriding) the function's Lambda environment. */
    Map<String, String> env();

    /** Forgets what earlier invocations left, so every timed run takes the same path. */
    default void reset() {
    }

    @Override
    void close();
}
