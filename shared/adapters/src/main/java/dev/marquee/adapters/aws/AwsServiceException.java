package dev.marquee.adapters.aws;

/**
 * An AWS service answered a JSON-protocol call with an error (HTTP 4xx/5xx): {@code type} is its {@code __type}
 * without the namespace, e.g. {@code ResourceInUse}. Checked, so each caller decides what each type means.
 */
public final class AwsServiceException extends Exception {
    private final int status;
    private final String type;
    private final String detail;

    public AwsServiceException(int status, String type, String detail) {
        super("HTTP " + status + " " + type + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
        this.type = type;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The service's own message, or null. */
    public String detail() {
        return detail;
    }
}
