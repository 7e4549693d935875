package dev.marquee.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.adapters.json.RawEventJson;
import dev.marquee.api.serving.AttributionMetrics;
import dev.marquee.domain.ingest.EventValidator;
import dev.marquee.domain.ingest.FieldError;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * POST /v1/events: one event (an object) or a batch (an array, or {"events": [...]}) of up to 500. Valid events
 * are appended to the stream; the answer is 202 only for events the stream took, so an accepted event is never
 * lost. A single invalid event is a 400 and nothing is written. Accepted events with a valid tracking token are
 * counted per variant and position ({@link AttributionMetrics}).
 */
@Path("/v1/events")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {
    public static final int MAX_BATCH = 500;
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(EventsResource.class);

    @Inject
    ObjectMapper json;

    @Inject
    EventValidator validator;

    @Inject
    EventStream stream;

    @Inject
    AttributionMetrics attribution;

    @POST
    public Response post(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("body", "is empty: send one event object or an array of events");
        }
        if (body.length > MAX_BODY_BYTES) {
            return EventsResponses.error(413, new ApiError("payload_too_large", "body", "is larger than " + MAX_BODY_BYTES + " bytes"));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("body", "could not be read");
        }
        if (root != null && root.isObject() && root.has("events")) {
            root = root.get("events");
            if (!root.isArray()) {
                throw new InvalidRequestException("events", "must be an array of event objects");
            }
        }
        if (root == null || !(root.isArray() || root.isObject())) {
            throw new InvalidRequestException("body", "must be an event object or an array of events");
        }
        return root.isArray() ? batch(root) : single(root);
    }

    private Response single(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        InteractionEvent event = validate(node, errors);
        if (event == null) {
            return EventsResponses.invalid(errors);
        }
        List<InteractionEvent> notTaken = publish(List.of(event));
        if (!notTaken.isEmpty()) {
            return EventsResponses.unavailable();
        }
        attribution.accepted(List.of(event));
        return EventsResponses.accepted(List.of(event.eventId()), List.of(), List.of());
    }

    private Response batch(JsonNode array) {
        if (array.isEmpty()) {
            throw new InvalidRequestException("events", "is empty");
        }
        if (array.size() > MAX_BATCH) {
            return EventsResponses.error(413, new ApiError("batch_too_large", "events",
                    "has " + array.size() + " events; at most " + MAX_BATCH + " per request"));
        }
        List<InteractionEvent> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        List<EventsResponses.Rejection> rejected = new ArrayList<>();
        Set<String> idsInBatch = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            List<FieldError> errors = new ArrayList<>();
            InteractionEvent e = validate(array.get(i), errors);
            if (e != null && !idsInBatch.add(e.eventId())) {
                errors.add(new FieldError("event_id", "appears more than once in this batch"));
                e = null;
            }
            if (e == null) {
                rejected.add(new EventsResponses.Rejection(i, eventIdOf(array.get(i)), errors));
            } else {
                valid.add(e);
                validIndex.add(i);
            }
        }
        if (valid.isEmpty()) {
            return EventsResponses.invalidBatch(rejected);
        }
        List<InteractionEvent> notTaken = publish(valid);
        if (notTaken.size() == valid.size()) {
            return EventsResponses.unavailable();
        }
        Set<String> failedIds = new HashSet<>();
        notTaken.forEach(e -> failedIds.add(e.eventId()));
        List<String> accepted = new ArrayList<>();
        List<InteractionEvent> taken = new ArrayList<>();
        List<EventsResponses.Failure> failed = new ArrayList<>();
        for (int k = 0; k < valid.size(); k++) {
            InteractionEvent e = valid.get(k);
            if (failedIds.contains(e.eventId())) {
                failed.add(new EventsResponses.Failure(validIndex.get(k), e.eventId(), "stream_unavailable: retry this event"));
            } else {
                accepted.add(e.eventId());
                taken.add(e);
            }
        }
        // only what the stream took: a failed event is sent again and would count twice
        attribution.accepted(taken);
        return EventsResponses.accepted(accepted, rejected, failed);
    }

    private InteractionEvent validate(JsonNode node, List<FieldError> errors) {
        RawEventJson.Parsed parsed = RawEventJson.read(node);
        if (!parsed.errors().isEmpty()) {
            errors.addAll(parsed.errors());
            return null;
        }
        EventValidator.Result r = validator.validate(parsed.event());
        errors.addAll(r.errors());
        return r.valid() ? r.event() : null;
    }

    /** The events the stream did not take; all of them when it is unreachable. */
    private List<InteractionEvent> publish(List<InteractionEvent> events) {
        try {
            return stream.publish(events);
        } catch (StoreUnavailableException e) {
            LOG.warnf("Event stream unavailable, %d events refused: %s", events.size(), e.getMessage());
            return events;
        }
    }

    private static String eventIdOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("event_id");
        return id != null && id.isTextual() ? id.textValue() : null;
    }
}
