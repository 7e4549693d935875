package dev.marquee.infra.constructs;

import dev.marquee.infra.config.FunctionSettings;
import dev.marquee.infra.config.Packaging;
import dev.marquee.infra.config.RepoPaths;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runtime, handler and code of a function for the chosen packaging.
 * <ul>
 * <li>{@code native}: provided.al2023, {@code functions/<f>/target/function.zip} (the Quarkus native build's zip with
 * its {@code bootstrap});</li>
 * <li>{@code jvm-aot}: provided.al2023, {@code functions/<f>/target/jvm-aot/function.zip} (a jlinked JDK 25, the
 * trained AOT cache and a {@code bootstrap});</li>
 * <li>{@code jvm}: the managed java25 runtime, SnapStart on published versions,
 * {@code io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest}, {@code functions/<f>/target/function.zip}.</li>
 * </ul>
 * {@code <f>.zip} in context replaces the path. A zip that does not exist fails the synth with what to build, unless
 * the app runs with {@code -c assets=placeholder} (tests, dry runs): then every function gets the placeholder
 * bootstrap of {@code infra-cdk/placeholder/} and no build output is read.
 */
public record FunctionCode(Runtime runtime, String handler, Code code, boolean snapStart) {
    public static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** What Quarkus's own SAM templates put for custom runtimes: the bootstrap ignores it. */
    public static final String PROVIDED_HANDLER = "not.used.in.provided.runtime";

    public static FunctionCode resolve(Packaging packaging, FunctionSettings f, RepoPaths paths, boolean placeholder) {
        String zip = f.zip() != null ? f.zip() : defaultZip(packaging, f.name());
        Code code;
        if (placeholder) {
            code = Code.fromAsset(paths.placeholderCode().toString());
        } else {
            Path file = paths.resolve(zip);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " does not exist: build functions/" + f.name() + " for packaging="
                        + packaging.name().toLowerCase().replace('_', '-') + " first (see infra-cdk/README.md), set -c "
                        + f.name() + ".zip=<path>, or synthesize with -c assets=placeholder for a dry run");
            }
            code = Code.fromAsset(file.toString());
        }
        return switch (packaging) {
            case NATIVE, JVM_AOT -> new FunctionCode(Runtime.PROVIDED_AL2023, PROVIDED_HANDLER, code, false);
            case JVM -> new FunctionCode(Runtime.JAVA_25, JVM_HANDLER, code, true);
        };
    }

    public static String defaultZip(Packaging packaging, String function) {
        return switch (packaging) {
            case NATIVE, JVM -> "functions/" + function + "/target/function.zip";
            case JVM_AOT -> "functions/" + function + "/target/jvm-aot/function.zip";
        };
    }
}
