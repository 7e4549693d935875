package dev.marquee.infra.config;

/** Who may call the HTTP API ({@code -c authorizer=...}). */
public enum AuthorizerType {
    /** SigV4-signed requests from principals with execute-api:Invoke (backends calling Marquee). The default. */
    IAM,
    /** JWTs from an OIDC issuer ({@code jwtIssuer}, {@code jwtAudience}), e.g. Cognito or Auth0. */
    JWT,
    /** Open; only for throwaway stages. */
    NONE
}
