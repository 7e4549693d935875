package dev.marquee.infra.constructs;

import dev.marquee.infra.config.Settings;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.List;

/**
 * The HTTP API (API Gateway v2) in front of the api function: one {@code $default} route proxying everything
 * (payload format 2.0, what quarkus-amazon-lambda-http reads), an authorizer chosen by context (IAM by default, or
 * JWT issuer/audience, or none), stage throttling, CORS for the listed origins only, and JSON access logs.
 */
public class HttpApiGateway extends Construct {
    /** Access log fields, one JSON object per request. */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"requestTime\":\"$context.requestTime\",\"method\":\"$context.httpMethod\",\"path\":\"$context.path\","
            + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
            + "\"responseLength\":\"$context.responseLength\",\"latencyMs\":\"$context.responseLatency\","
            + "\"integrationLatencyMs\":\"$context.integrationLatency\",\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"authorizerError\":\"$context.authorizer.error\",\"userAgent\":\"$context.identity.userAgent\"}";

    private final HttpApi api;
    private final HttpStage stage;
    private final LogGroup accessLogs;

    public HttpApiGateway(Construct scope, String id, Settings settings, IFunction target) {
        super(scope, id);
        HttpApi.Builder b = HttpApi.Builder.create(this, "HttpApi")
                .apiName(settings.name("api"))
                .description("Marquee " + settings.stage() + " recommendations and events")
                .createDefaultStage(false)
                .defaultIntegration(new HttpLambdaIntegration("Api", target, HttpLambdaIntegrationProps.builder()
                        .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0).build()));
        IHttpRouteAuthorizer authorizer = switch (settings.authorizer()) {
            case IAM -> new HttpIamAuthorizer();
            case JWT -> new HttpJwtAuthorizer("Jwt", settings.jwtIssuer(), HttpJwtAuthorizerProps.builder()
                    .jwtAudience(settings.jwtAudience()).build());
            case NONE -> null;
        };
        if (authorizer != null) {
            b.defaultAuthorizer(authorizer);
        }
        if (!settings.corsOrigins().isEmpty()) {
            b.corsPreflight(CorsPreflightOptions.builder()
                    .allowOrigins(settings.corsOrigins())
                    .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE))
                    .allowHeaders(List.of("authorization", "content-type", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"))
                    .maxAge(Duration.hours(1))
                    .build());
        }
        api = b.build();

        accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .logGroupName("/aws/apigateway/" + settings.name("api") + "/access")
                .retention(LogRetention.of(settings.logRetentionDays()))
                .removalPolicy(settings.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        IAccessLogDestination destination = new LogGroupLogDestination(accessLogs);
        stage = api.addStage("DefaultStage", HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(settings.throttleRatePerSecond())
                        .burstLimit(settings.throttleBurst())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build());
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    public LogGroup accessLogs() {
        return accessLogs;
    }
}
