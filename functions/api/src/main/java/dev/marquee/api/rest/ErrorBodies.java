package dev.marquee.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.domain.ingest.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Error bodies beyond {@link ApiError}: every field problem of a body, and an outage naming the store. */
final class ErrorBodies {
    private ErrorBodies() {
    }

    /** The usual error shape (the first problem) plus all of them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InvalidFields(String error, String field, String message, List<FieldError> errors) {
        static InvalidFields of(InvalidFieldsException e) {
            FieldError first = e.errors().getFirst();
            return new InvalidFields(e.code(), first.field(), first.reason(), e.errors());
        }
    }

    /** 404 with the usual error shape, naming the path or body field that points at nothing. */
    static Response notFound(String field, String message) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(new ApiError("not_found", field, message)).build();
    }

    /** A backend that could not be reached: which one, and what the caller should do. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoreUnavailable(String error, String store, String message) {
    }
}
