package dev.marquee.infra.constructs;

import dev.marquee.infra.config.FunctionSettings;
import dev.marquee.infra.config.Packaging;
import dev.marquee.infra.config.RepoPaths;
import dev.marquee.infra.config.Settings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Marquee function: its log group (retention set), the function sized from context, and a {@code live} alias on
 * the current version that every trigger targets (SnapStart restores and provisioned concurrency apply to versions).
 * Functions that use Redis run in the VPC's isolated subnets with the functions' security group.
 */
public class MarqueeFunction extends Construct {
    public static final String ALIAS = "live";

    private final Function function;
    private final Alias alias;

    public MarqueeFunction(Construct scope, String id, Settings settings, FunctionSettings f, RepoPaths paths,
                           String description, Map<String, String> environment, Network network) {
        super(scope, id);
        FunctionCode code = FunctionCode.resolve(settings.packaging(), f, paths, settings.placeholderAssets());
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + settings.name(f.name()))
                .retention(LogRetention.of(settings.logRetentionDays()))
                .removalPolicy(settings.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MARQUEE_BACKEND", "aws");
        env.putAll(environment);
        if (settings.packaging() == Packaging.JVM) {
            // the usual advice for short-lived Java functions: C1 only, less time compiling during a cold start
            env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        }
        Function.Builder b = Function.Builder.create(this, "Function")
                .functionName(settings.name(f.name()))
                .description(description)
                .runtime(code.runtime())
                .handler(code.handler())
                .code(code.code())
                .architecture(settings.arm64() ? Architecture.ARM_64 : Architecture.X86_64)
                .memorySize(f.memoryMb())
                .timeout(Duration.seconds(f.timeoutSeconds()))
                .environment(env)
                .tracing(Tracing.ACTIVE)
                .logGroup(logs);
        if (code.snapStart()) {
            b.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        if (f.reservedConcurrency() != null) {
            b.reservedConcurrentExecutions(f.reservedConcurrency());
        }
        if (network != null) {
            b.vpc(network.vpc())
                    .vpcSubnets(network.isolatedSubnets())
                    .securityGroups(List.of(network.functionsSecurityGroup()));
        }
        function = b.build();
        Alias.Builder a = Alias.Builder.create(this, "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion());
        if (f.provisionedConcurrency() > 0) {
            a.provisionedConcurrentExecutions(f.provisionedConcurrency());
        }
        alias = a.build();
    }

    public Function function() {
        return function;
    }

    /** What triggers invoke. */
    public Alias alias() {
        return alias;
    }
}
