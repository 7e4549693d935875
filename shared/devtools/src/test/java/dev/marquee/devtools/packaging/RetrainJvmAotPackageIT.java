package dev.marquee.devtools.packaging;

import dev.marquee.testing.lambda.LambdaRuntimeApiStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packages the retrain function as jvm-aot (its AOT training runs against the SageMaker stub, S3Mock and DynamoDB
 * Local; about a minute, so opt-in with {@code -Dmarquee.package.it=true}, like {@link JvmAotPackageIT}), unzips it
 * elsewhere and lets its bootstrap, with {@code -XX:AOTMode=on}, answer the EventBridge samples against fresh
 * stand-ins: the answers are the handler's outcomes, not error documents.
 */
@EnabledIfSystemProperty(named = "marquee.package.it", matches = "true")
class RetrainJvmAotPackageIT {
    static final Path REPO = JvmAotPackageIT.REPO;
    static final LambdaFunction RETRAIN = LambdaFunction.of(REPO, "retrain");

    @TempDir
    static Path taskRoot;
    static Path zip;
    static RetrainStandIns standIns;

    @BeforeAll
    static void packageUnzipAndStartTheStandIns() {
        zip = new JvmAotPackager(Path.of(System.getProperty("java.home"))).build(RETRAIN);
        JvmAotPackager.run(taskRoot, List.of("unzip", "-q", zip.toString()));
        standIns = RetrainStandIns.start(taskRoot.resolveSibling(taskRoot.getFileName() + "-standins"));
    }

    @AfterAll
    static void stopTheStandIns() {
        if (standIns != null) {
            standIns.close();
        }
    }

    @Test
    void packageIsWhereInfraCdkLooksAndHoldsTheTrainedCache() {
        assertThat(zip).isEqualTo(REPO.resolve("functions/retrain/target/jvm-aot/function.zip"));
        assertThat(taskRoot.resolve("bootstrap")).isExecutable();
        assertThat(taskRoot.resolve("app.aot")).isNotEmptyFile();
    }

    @Test
    void unzippedElsewhereTheBootstrapStartsAJobOnATickAndAnswersBothStateChanges() throws Exception {
        Map<String, String> env = new HashMap<>(standIns.env());
        env.put("MARQUEE_AOT_OPTIONS", "-XX:AOTCache=app.aot -XX:AOTMode=on");
        Path scratch = taskRoot.resolveSibling(taskRoot.getFileName() + "-scratch");
        try (LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
             FunctionProcess fn = FunctionProcess.start(List.of("./bootstrap"), taskRoot, runtimeApi, "retrain", scratch, env)) {
            String tick = runtimeApi.invoke(sample("scheduled-tick.json"), Duration.ofSeconds(60));
            assertThat(tick).as(fn::logTail).contains("\"outcome\":\"created\"").contains("\"job_name\":\"marquee-dev-refresh-20261122t030000z\"");
            assertThat(standIns.trainingJobsCreated()).isEqualTo(1);

            // the sample job's bundle is not in the stand-ins' lake: read from S3 and DynamoDB, then refused, not an error
            assertThat(runtimeApi.invoke(sample("sagemaker-job-completed.json"), Duration.ofSeconds(20))).as(fn::logTail)
                    .contains("\"outcome\":\"refused\"").contains("model.tar.gz");
            assertThat(runtimeApi.invoke(sample("sagemaker-job-failed.json"), Duration.ofSeconds(20))).as(fn::logTail)
                    .contains("\"outcome\":\"job-failed\"");
        }
    }

    private static String sample(String name) throws Exception {
        return Files.readString(REPO.resolve("events-samples/eventbridge").resolve(name));
    }
}
