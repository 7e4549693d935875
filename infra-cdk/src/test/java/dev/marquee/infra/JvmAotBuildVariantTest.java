package dev.marquee.infra;

import dev.marquee.infra.constructs.FunctionCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real build outputs instead of placeholders: jvm-aot zips at their default paths (and one from {@code ingest.zip}) in
 * a stand-in repository, plus the lean options: no Kinesis, no authorizer, data not retained, provisioned
 * concurrency on the api.
 */
class JvmAotBuildVariantTest {
    static final Path REPO = Path.of("target", "fake-repo").toAbsolutePath();
    static final Map<String, Path> ZIPS = Map.of(
            "api", REPO.resolve("functions/api/target/jvm-aot/function.zip"),
            "ingest", REPO.resolve("custom/ingest-aot.zip"),
            "retrain", REPO.resolve("functions/retrain/target/jvm-aot/function.zip"));
    static final Map<String, Object> CONTEXT = Map.ofEntries(
            Map.entry("stage", "staging"),
            Map.entry("packaging", "jvm-aot"),
            Map.entry("assets", "build"),
            Map.entry("repoRoot", REPO.toString()),
            Map.entry("ingest.zip", "custom/ingest-aot.zip"),
            Map.entry("kinesis", "false"),
            Map.entry("authorizer", "none"),
            Map.entry("retainData", "false"),
            Map.entry("api.provisionedConcurrency", "2"),
            Map.entry("trainingImage", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/marquee-embedding-refresh:1"));

    static Synth synth;

    @BeforeAll
    static void synthesize() throws IOException {
        for (var e : ZIPS.entrySet()) {
            Files.createDirectories(e.getValue().getParent());
            try (OutputStream out = Files.newOutputStream(e.getValue()); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("bootstrap"));
                zip.write(("#!/bin/sh\n# " + e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        synth = Synth.of(CONTEXT);
    }

    static Map<String, Object> fn(String name) {
        return synth.where("AWS::Lambda::Function", "FunctionName", "marquee-staging-" + name);
    }

    @Test
    void eachFunctionDeploysItsOwnZipOnProvidedAl2023() throws IOException {
        for (String f : List.of("api", "ingest", "retrain")) {
            Map<String, Object> p = fn(f);
            assertThat(p.get("Runtime")).as(f).isEqualTo("provided.al2023");
            assertThat(p.get("Handler")).as(f).isEqualTo(FunctionCode.PROVIDED_HANDLER);
            assertThat(p).as(f).doesNotContainKey("SnapStart");
            // the bootstrap sets the JVM flags the AOT cache was trained with; JAVA_TOOL_OPTIONS would change them
            assertThat(Synth.render(p.get("Environment"))).as(f).doesNotContain("JAVA_TOOL_OPTIONS");
            String key = Synth.render(((Map<?, ?>) p.get("Code")).get("S3Key"));
            assertThat(key).as(f).endsWith(".zip");
            Path staged = synth.outdir.resolve("asset." + key);
            assertThat(staged).as(f).exists();
            assertThat(Files.readAllBytes(staged)).as(f).isEqualTo(Files.readAllBytes(ZIPS.get(f)));
        }
    }

    @Test
    void provisionedConcurrencyOnTheApiAliasOnly() {
        var aliases = synth.resources("AWS::Lambda::Alias").values().stream().map(Synth::props).toList();
        assertThat(aliases).filteredOn(a -> a.containsKey("ProvisionedConcurrencyConfig")).singleElement().satisfies(a -> {
            assertThat(Synth.render(a.get("FunctionName"))).contains("ApiFunction");
            assertThat(a.get("ProvisionedConcurrencyConfig")).isEqualTo(Map.of("ProvisionedConcurrentExecutions", 2));
        });
    }

    @Test
    void withoutKinesisThereIsNoStreamEndpointMappingQueueOrAlarmForIt() {
        assertThat(synth.resources("AWS::Kinesis::Stream")).isEmpty();
        assertThat(synth.resources("AWS::Lambda::EventSourceMapping")).hasSize(1);
        assertThat(synth.resources("AWS::EC2::VPCEndpoint").values()).hasSize(3)
                .noneSatisfy(e -> assertThat(Synth.render(Synth.props(e).get("ServiceName"))).contains("kinesis"));
        assertThat(synth.resources("AWS::SQS::Queue").values()).extracting(q -> Synth.props(q).get("QueueName"))
                .containsExactlyInAnyOrder("marquee-staging-events", "marquee-staging-events-dlq", "marquee-staging-poison");
        assertThat(synth.resources("AWS::CloudWatch::Alarm").values()).extracting(a -> Synth.props(a).get("AlarmName"))
                .doesNotContain("marquee-staging-stream-iterator-age", "marquee-staging-stream-failures-depth")
                .hasSize(13);
        assertThat(Synth.render(fn("api").get("Environment"))).doesNotContain("STREAM");
        assertThat(synth.statements()).noneSatisfy(s -> assertThat(s.actions()).anyMatch(a -> a.startsWith("kinesis:")));
    }

    @Test
    void noAuthorizerWhenAskedFor() {
        assertThat(synth.resources("AWS::ApiGatewayV2::Authorizer")).isEmpty();
        Map<String, Object> route = Synth.props(synth.resources("AWS::ApiGatewayV2::Route").values().iterator().next());
        assertThat(route.get("AuthorizationType")).isEqualTo("NONE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutRetainDataTablesAndLogsGoWithTheStackButTheLakeStays() {
        synth.resources("AWS::DynamoDB::GlobalTable").forEach((id, r) -> {
            assertThat(r.get("DeletionPolicy")).as(id).isEqualTo("Delete");
            Map<String, Object> replica = (Map<String, Object>) Synth.list(Synth.props(r).get("Replicas")).get(0);
            assertThat(replica.get("DeletionProtectionEnabled")).as(id).isEqualTo(false);
            assertThat(replica.get("PointInTimeRecoverySpecification")).as(id).isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
        });
        synth.resources("AWS::Logs::LogGroup").forEach((id, r) -> assertThat(r.get("DeletionPolicy")).as(id).isEqualTo("Delete"));
        assertThat(synth.resources("AWS::S3::Bucket").values()).singleElement()
                .satisfies(b -> assertThat(b.get("DeletionPolicy")).isEqualTo("Retain"));
    }
}
