package dev.marquee.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.domain.ingest.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The answers of POST /v1/events. */
final class EventsResponses {
    private EventsResponses() {
    }

    /** An event of a batch that was not valid: its position, its id if it had one, and every problem. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rejection(int index, String eventId, List<FieldError> errors) {
    }

    /** A valid event the stream did not take: the client should send it again. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Failure(int index, String eventId, String reason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Accepted(List<String> accepted, List<Rejection> rejected, List<Failure> failed) {
    }

    /** A single invalid event: the first problem in the usual error shape, and all of them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Invalid(String error, String field, String message, List<FieldError> errors) {
    }

    static Response accepted(List<String> ids, List<Rejection> rejected, List<Failure> failed) {
        return Response.accepted(new Accepted(ids, rejected, failed)).type(MediaType.APPLICATION_JSON).build();
    }

    static Response invalid(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(new Invalid("invalid_event", first.field(), first.reason(), errors)).build();
    }

    /** A batch with no valid event: nothing was written. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InvalidBatch(String error, String field, String message, List<Rejection> rejected) {
    }

    static Response invalidBatch(List<Rejection> rejected) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(new InvalidBatch("invalid_batch", "events",
                "no event in the batch is valid; nothing was written", rejected)).build();
    }

    static Response unavailable() {
        return error(503, new ApiError("stream_unavailable", null, "events could not be stored right now; nothing was accepted, retry later"));
    }

    static Response error(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
