package dev.marquee.api.rest;

/** Bad input: answered with 400 and a JSON body naming the field and the problem. */
public class InvalidRequestException extends RuntimeException {
    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
