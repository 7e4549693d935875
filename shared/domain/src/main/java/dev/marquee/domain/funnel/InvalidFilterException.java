package dev.marquee.domain.funnel;

/** A filter expression the funnel cannot apply; the API answers 400 naming the field {@code filter}. */
public final class InvalidFilterException extends IllegalArgumentException {
    public static final String FIELD = "filter";

    public InvalidFilterException(String reason) {
        super(reason);
    }

    public String field() {
        return FIELD;
    }
}
