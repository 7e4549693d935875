package dev.marquee.devtools.packaging;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaFunctionTest {
    static final Path REPO = Path.of("/repo");

    @Test
    void jvmAotZipIsWhereInfraCdkLooksForItAndTheJvmZipWhereQuarkusWritesIt() {
        // infra-cdk's FunctionCode.defaultZip: functions/<f>/target/jvm-aot/function.zip and functions/<f>/target/function.zip
        assertThat(LambdaFunction.of(REPO, "api").jvmAotZip()).isEqualTo(Path.of("/repo/functions/api/target/jvm-aot/function.zip"));
        assertThat(LambdaFunction.of(REPO, "ingest").jvmZip()).isEqualTo(Path.of("/repo/functions/ingest/target/function.zip"));
        assertThat(LambdaFunction.of(REPO, "retrain").jvmAotZip()).isEqualTo(Path.of("/repo/functions/retrain/target/jvm-aot/function.zip"));
    }

    @Test
    void eachFunctionTrainsOnItsOwnEventSources() {
        assertThat(LambdaFunction.of(REPO, "api").sampleEvents()).containsExactly(Path.of("/repo/events-samples/apigateway"));
        assertThat(LambdaFunction.of(REPO, "ingest").sampleEvents())
                .containsExactly(Path.of("/repo/events-samples/sqs"), Path.of("/repo/events-samples/kinesis"));
        assertThat(LambdaFunction.of(REPO, "ingest").benchEvent()).isEqualTo(Path.of("/repo/events-samples/sqs/valid-batch.json"));
        assertThat(LambdaFunction.of(REPO, "retrain").sampleEvents()).containsExactly(Path.of("/repo/events-samples/eventbridge"));
        assertThat(LambdaFunction.of(REPO, "retrain").benchEvent()).isEqualTo(Path.of("/repo/events-samples/eventbridge/scheduled-tick.json"));
    }

    @Test
    void aFunctionWithoutALambdaPackageIsNamedInTheError() {
        assertThatThrownBy(() -> LambdaFunction.of(REPO, "embedding-refresh"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedding-refresh").hasMessageContaining("[api, ingest, retrain]");
    }
}
