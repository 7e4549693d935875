package dev.marquee.devtools.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function module's Lambda build output (Quarkus legacy jar + lib/, and the function.zip Quarkus makes for the
 * managed java25 runtime) and the sample events that exercise it.
 *
 * @param name         api, ingest or retrain
 * @param target       functions/&lt;name&gt;/target
 * @param sampleEvents folders of events-samples/ that this function takes, the first one's first file is the bench event
 */
public record LambdaFunction(String name, Path target, List<Path> sampleEvents, Path benchEvent) {
    /** Quarkus's handler for the managed runtime; the runtime interface client calls the same one. */
    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    public static final List<String> PACKAGED = List.of("api", "ingest", "retrain");

    public static LambdaFunction of(Path repo, String name) {
        Path samples = repo.resolve("events-samples");
        return switch (name) {
            case "api" -> new LambdaFunction(name, repo.resolve("functions/api/target"),
                    List.of(samples.resolve("apigateway")), samples.resolve("apigateway/get-recommendations.json"));
            case "ingest" -> new LambdaFunction(name, repo.resolve("functions/ingest/target"),
                    List.of(samples.resolve("sqs"), samples.resolve("kinesis")), samples.resolve("sqs/valid-batch.json"));
            // the tick's path (S3 list, CreateTrainingJob) is what the schedule runs every day, cold
            case "retrain" -> new LambdaFunction(name, repo.resolve("functions/retrain/target"),
                    List.of(samples.resolve("eventbridge")), samples.resolve("eventbridge/scheduled-tick.json"));
            default -> throw new IllegalArgumentException("no Lambda package for function '" + name + "' (packaged: " + PACKAGED + ")");
        };
    }

    /** The legacy runner jar: its manifest's Class-Path names lib/*.jar. */
    public Path runnerJar() {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-runner.jar in " + target + ": build functions/" + name + " first"));
        } catch (IOException e) {
            throw new UncheckedIOException("no build output in " + target + ": build functions/" + name + " first", e);
        }
    }

    public Path libDir() {
        return target.resolve("lib");
    }

    /** What Quarkus builds for the managed runtime (and for native, when built native). */
    public Path jvmZip() {
        return target.resolve("function.zip");
    }

    /** Where the jvm-aot package goes; infra-cdk's default path for packaging=jvm-aot. */
    public Path jvmAotZip() {
        return target.resolve("jvm-aot/function.zip");
    }

    /** Every sample event of this function, in a stable order. */
    public List<Path> samples() {
        return sampleEvents.stream().flatMap(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
