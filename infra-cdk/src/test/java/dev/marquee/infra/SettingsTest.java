package dev.marquee.infra;

import dev.marquee.infra.config.AuthorizerType;
import dev.marquee.infra.config.LakeEncryption;
import dev.marquee.infra.config.Packaging;
import dev.marquee.infra.config.Settings;
import dev.marquee.infra.constructs.FunctionCode;
import dev.marquee.infra.constructs.LogRetention;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Context parsing and the errors a wrong flag gets, before anything is synthesized. */
class SettingsTest {

    static Settings settings(Map<String, Object> context) {
        return Settings.from(new App(AppProps.builder().context(context).build()).getNode());
    }

    @Test
    void productionDefaults() {
        Settings s = settings(Map.of());
        assertThat(s.stage()).isEqualTo("dev");
        assertThat(s.packaging()).isEqualTo(Packaging.NATIVE);
        assertThat(s.placeholderAssets()).isFalse();
        assertThat(s.authorizer()).isEqualTo(AuthorizerType.IAM);
        assertThat(s.lakeEncryption()).isEqualTo(LakeEncryption.S3);
        assertThat(s.kinesis()).isTrue();
        assertThat(s.retainData()).isTrue();
        assertThat(s.corsOrigins()).isEmpty();
        assertThat(s.training().instanceType()).isEqualTo("ml.g5.xlarge");
        assertThat(s.training().spot()).isTrue();
        assertThat(s.training().maxRuntimeHours()).isEqualTo(4);
        assertThat(s.api().provisionedConcurrency()).isZero();
        assertThat(s.api().reservedConcurrency()).isNull();
        assertThat(s.name("api")).isEqualTo("marquee-dev-api");
    }

    @Test
    void defaultZipPathsPerPackaging() {
        assertThat(FunctionCode.defaultZip(Packaging.NATIVE, "api")).isEqualTo("functions/api/target/function.zip");
        assertThat(FunctionCode.defaultZip(Packaging.JVM, "ingest")).isEqualTo("functions/ingest/target/function.zip");
        assertThat(FunctionCode.defaultZip(Packaging.JVM_AOT, "retrain")).isEqualTo("functions/retrain/target/jvm-aot/function.zip");
    }

    @Test
    void contextValuesMayBeStringsNumbersOrBooleans() {
        Settings s = settings(Map.of("api.memory", 1536, "kinesis", false, "packaging", "jvm-aot", "throttleRate", "50"));
        assertThat(s.api().memoryMb()).isEqualTo(1536);
        assertThat(s.kinesis()).isFalse();
        assertThat(s.packaging()).isEqualTo(Packaging.JVM_AOT);
        assertThat(s.throttleRatePerSecond()).isEqualTo(50);
    }

    @Test
    void wrongFlagsAreNamedInTheError() {
        assertThatThrownBy(() -> settings(Map.of("stage", "Prod_1"))).hasMessageContaining("context stage must match");
        assertThatThrownBy(() -> settings(Map.of("packaging", "graal")))
                .hasMessageContaining("context packaging must be one of [native, jvm-aot, jvm]");
        assertThatThrownBy(() -> settings(Map.of("authorizer", "jwt", "jwtIssuer", "https://issuer.example.com")))
                .hasMessageContaining("authorizer=jwt needs -c jwtIssuer=https://... and -c jwtAudience=");
        assertThatThrownBy(() -> settings(Map.of("api.memory", "lots"))).hasMessage("context api.memory must be an integer, got 'lots'");
        assertThatThrownBy(() -> settings(Map.of("api.timeout", "901"))).hasMessageContaining("api.timeout must be 1..900");
        assertThatThrownBy(() -> settings(Map.of("retainData", "maybe"))).hasMessageContaining("retainData must be true or false");
        assertThatThrownBy(() -> settings(Map.of("assets", "none"))).hasMessageContaining("assets must be build or placeholder");
        assertThatThrownBy(() -> LogRetention.of(31)).hasMessageContaining("logRetentionDays must be one of [1, 3, 5, 7, 14, 30,");
    }

    @Test
    void snapStartCannotBeCombinedWithProvisionedConcurrency() {
        assertThatThrownBy(() -> settings(Map.of("packaging", "jvm", "api.provisionedConcurrency", "1")))
                .hasMessageContaining("SnapStart, which Lambda does not combine with provisioned concurrency");
    }

    @Test
    void aMissingZipFailsTheSynthWithWhatToBuildUnlessPlaceholdersAreAsked() {
        assertThatThrownBy(() -> Synth.build(Map.of("repoRoot", "target/empty-repo", "trainingImage",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/r:1")))
                .hasMessageContaining("functions/api/target/function.zip does not exist: build functions/api for packaging=native")
                .hasMessageContaining("-c assets=placeholder");
    }

    @Test
    void noTrainingImageFailsTheSynthUnlessPlaceholdersAreAsked() {
        assertThatThrownBy(() -> Synth.build(Map.of("repoRoot", "target/empty-repo")))
                .hasMessageContaining("no training image: functions/embedding-refresh has no Dockerfile; set -c trainingImage=");
    }
}
