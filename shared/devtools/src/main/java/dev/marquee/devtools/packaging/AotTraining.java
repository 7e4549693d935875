package dev.marquee.devtools.packaging;

import dev.marquee.testing.lambda.LambdaRuntimeApiStub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the AOT cache of a staged jvm-aot package: runs its bootstrap with {@code -XX:AOTCacheOutput} against a
 * loopback Runtime API stub, sends every sample event of the function a few times (the cache keeps the classes
 * loaded and linked, and the profiles, of what ran), then stops the JVM, which writes {@code app.aot} as it exits.
 * A function that talks to AWS talks to its {@link StandIns} meanwhile, so its clients' classes are in the cache too.
 */
final class AotTraining {
    static final int ROUNDS = 3;

    private AotTraining() {
    }

    /** @return invocations sent */
    static int train(Path root, LambdaFunction function, Path scratch) {
        List<Path> samples = function.samples();
        if (samples.isEmpty()) {
            throw new IllegalStateException("no sample events for " + function.name() + " in " + function.sampleEvents());
        }
        int sent = 0;
        try (StandIns standIns = StandIns.start(function, scratch);
             LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
             FunctionProcess fn = FunctionProcess.start(List.of("./bootstrap"), root, runtimeApi, function.name(), scratch,
                     env(standIns))) {
            for (int round = 0; round < ROUNDS; round++) {
                for (Path sample : samples) {
                    try {
                        runtimeApi.invoke(Files.readString(sample), Duration.ofSeconds(round == 0 && sent == 0 ? 60 : 20));
                    } catch (LambdaRuntimeApiStub.FunctionError e) {
                        // an error document is an answer too: the error path belongs in the cache as well
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("training run of " + function.name() + " did not answer " + sample.getFileName()
                                + ": " + e.getMessage() + "\nlog:\n" + fn.logTail(), e);
                    }
                    sent++;
                }
            }
            // the cache is assembled at exit (a second JVM does it): minutes on a slow machine
            fn.stop(300);
            Path cache = root.resolve(BootstrapScript.AOT_CACHE);
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException("the training run wrote no " + cache + "; log:\n" + fn.logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sent;
    }

    private static Map<String, String> env(StandIns standIns) {
        Map<String, String> env = new HashMap<>(standIns.env());
        env.put("MARQUEE_AOT_OPTIONS", "-XX:AOTCacheOutput=" + BootstrapScript.AOT_CACHE);
        return env;
    }
}
