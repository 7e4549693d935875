package dev.marquee.adapters.kinesis;

import java.util.Set;

/**
 * Kinesis answered a call with an error (HTTP 4xx/5xx): {@code type} is its {@code __type} without the namespace,
 * e.g. {@code ProvisionedThroughputExceededException}. Checked, so the stream has to decide what each one means.
 */
public final class KinesisServiceException extends Exception {
    /** Error codes that mean "too fast, try again later", whole-request or per record. */
    static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException", "KMSThrottlingException",
            "ThrottlingException", "LimitExceededException");
    /** Error codes of a transient failure on Kinesis' side. */
    static final Set<String> TRANSIENT = Set.of("InternalFailure", "InternalFailureException", "ServiceUnavailable",
            "ServiceUnavailableException");

    private final int status;
    private final String type;

    public KinesisServiceException(int status, String type, String message) {
        super("HTTP " + status + " " + type + (message == null || message.isBlank() ? "" : ": " + message));
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** Throttling and 5xx pass; a missing stream, denied access or a malformed request stays what it is. */
    public boolean retryable() {
        return status >= 500 || THROTTLING.contains(type) || TRANSIENT.contains(type);
    }

    /** Whether a per-record {@code ErrorCode} is worth sending that record again. */
    static boolean retryableCode(String errorCode) {
        return THROTTLING.contains(errorCode) || TRANSIENT.contains(errorCode);
    }
}
