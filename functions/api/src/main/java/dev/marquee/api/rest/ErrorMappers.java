package dev.marquee.api.rest;

import dev.marquee.domain.port.StoreUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a JSON answer; no HTML error pages, no stack traces to callers. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return json(400, new ApiError("invalid_request", e.field(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ErrorBodies.InvalidFields.of(e)).build();
    }

    /** An outage is a 503 naming the store, never a 404 or a 500; the details go to the log, not to callers. */
    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        LOG.warnf("Store unavailable: %s", e.getMessage());
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "5")
                .entity(new ErrorBodies.StoreUnavailable("store_unavailable", e.store(),
                        "the " + e.store() + " store is unavailable right now; nothing was changed, retry later"))
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = status == 404 ? "not_found" : status == 405 ? "method_not_allowed" : "http_" + status;
        return json(status, new ApiError(code, null, e.getMessage()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure serving a request", e);
        return json(500, new ApiError("internal_error", null, "unexpected failure; see the service log"));
    }

    private static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
