package dev.marquee.domain.port;

/**
 * A backend behind a port failed (timeout, connection refused, throttling). Adapters throw this rather than
 * returning "not found", so the funnel can degrade and name the fallback instead of hiding an outage.
 */
public class StoreUnavailableException extends RuntimeException {
    private final String store;

    public StoreUnavailableException(String store, String message, Throwable cause) {
        super(store + ": " + message, cause);
        this.store = store;
    }

    public String store() {
        return store;
    }
}
