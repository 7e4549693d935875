package dev.marquee.api.rest;

import dev.marquee.domain.ingest.FieldError;

import java.util.List;

/**
 * A request body with one or more bad fields: answered with 400, an error code naming what was refused
 * ({@code invalid_item}, {@code invalid_user}), the first problem as field and message, and all of them.
 */
public class InvalidFieldsException extends RuntimeException {
    private final String code;
    private final List<FieldError> errors;

    public InvalidFieldsException(String code, List<FieldError> errors) {
        super(errors.getFirst().field() + " " + errors.getFirst().reason());
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public InvalidFieldsException(String code, String field, String problem) {
        this(code, List.of(new FieldError(field, problem)));
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
