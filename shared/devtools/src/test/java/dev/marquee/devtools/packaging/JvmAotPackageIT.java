package dev.marquee.devtools.packaging;

import dev.marquee.testing.lambda.LambdaRuntimeApiStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packages the ingest function as jvm-aot (jdeps, jlink, AOT training: one to three minutes, so opt-in with
 * {@code -Dmarquee.package.it=true}; needs functions/ingest built, which the reactor does first), unzips it elsewhere, as
 * Lambda does, and lets its bootstrap answer invocations from the Runtime API stub with {@code -XX:AOTMode=on}: a
 * cache that the moved package cannot use fails the start instead of passing slowly.
 */
@EnabledIfSystemProperty(named = "marquee.package.it", matches = "true")
class JvmAotPackageIT {
    static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();
    static final LambdaFunction INGEST = LambdaFunction.of(REPO, "ingest");

    @TempDir
    static Path taskRoot;
    static Path zip;

    @BeforeAll
    static void packageAndUnzip() {
        zip = new JvmAotPackager(Path.of(System.getProperty("java.home"))).build(INGEST);
        JvmAotPackager.run(taskRoot, List.of("unzip", "-q", zip.toString()));
    }

    @Test
    void packageHoldsAnExecutableBootstrapTheLinkedRuntimeTheClientAndTheCache() {
        assertThat(zip).isEqualTo(REPO.resolve("functions/ingest/target/jvm-aot/function.zip"));
        assertThat(taskRoot.resolve("bootstrap")).isExecutable();
        assertThat(taskRoot.resolve("runtime/bin/java")).isExecutable();
        assertThat(taskRoot.resolve("runtime/jmods")).doesNotExist();
        assertThat(taskRoot.resolve("app.aot")).isNotEmptyFile();
        assertThat(taskRoot.resolve("ric/aws-lambda-java-runtime-interface-client-2.9.0.jar")).exists();
        assertThat(taskRoot.resolve("app.aot.config")).doesNotExist();
    }

    @Test
    void unzippedElsewhereTheBootstrapAnswersFromTheTrainedCache() throws Exception {
        String batch = Files.readString(REPO.resolve("events-samples/sqs/valid-batch.json"));
        String poison = Files.readString(REPO.resolve("events-samples/sqs/poison.json"));
        Path scratch = taskRoot.resolveSibling(taskRoot.getFileName() + "-scratch");
        try (LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
             FunctionProcess fn = FunctionProcess.start(List.of("./bootstrap"), taskRoot, runtimeApi, "ingest", scratch,
                     Map.of("MARQUEE_AOT_OPTIONS", "-XX:AOTCache=app.aot -XX:AOTMode=on"))) {
            assertThat(runtimeApi.invoke(batch, Duration.ofSeconds(60))).as(fn::logTail).isEqualTo("{\"batchItemFailures\":[]}");
            // the handler, not just the start: a poison record is dead-lettered with its payload, not failed back for retry
            assertThat(runtimeApi.invoke(poison, Duration.ofSeconds(20))).as(fn::logTail).isEqualTo("{\"batchItemFailures\":[]}");
            assertThat(scratch.resolve("lake-ingest/dead-letters.jsonl")).content().contains("not json at all");
        }
    }
}
