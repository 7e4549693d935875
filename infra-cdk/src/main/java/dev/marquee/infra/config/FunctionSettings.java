package dev.marquee.infra.config;

/**
 * Sizing of one function, from context keys prefixed by its name: {@code api.memory} (MB), {@code api.timeout}
 * (seconds), {@code api.reservedConcurrency}, {@code api.provisionedConcurrency}, {@code api.zip} (a path relative to
 * the repository root that replaces the packaging's default zip).
 *
 * @param reservedConcurrency null: unreserved (the account's pool)
 * @param provisionedConcurrency 0: none (it bills while idle)
 * @param zip null: the packaging's default path
 */
public record FunctionSettings(String name, int memoryMb, int timeoutSeconds, Integer reservedConcurrency,
                               int provisionedConcurrency, String zip) {

    public FunctionSettings {
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("context " + name + ".memory must be 128..10240 MB, got " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("context " + name + ".timeout must be 1..900 s, got " + timeoutSeconds);
        }
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("context " + name + ".reservedConcurrency must be >= 0");
        }
        if (provisionedConcurrency < 0) {
            throw new IllegalArgumentException("context " + name + ".provisionedConcurrency must be >= 0");
        }
    }

    static FunctionSettings read(ContextReader ctx, String name, int memoryMb, int timeoutSeconds) {
        String reserved = ctx.optional(name + ".reservedConcurrency");
        return new FunctionSettings(name,
                ctx.integer(name + ".memory", memoryMb),
                ctx.integer(name + ".timeout", timeoutSeconds),
                reserved == null ? null : ctx.integer(name + ".reservedConcurrency", 0),
                ctx.integer(name + ".provisionedConcurrency", 0),
                ctx.optional(name + ".zip"));
    }
}
