package dev.marquee.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.domain.users.ProfileValidator;
import dev.marquee.domain.users.UserErasure;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * /v1/users/{user_id}: PUT stores a profile (country, device, onboarding preferences, attributes), replaced whole;
 * GET returns it; DELETE erases the user (see {@link UserErasure}) and answers 204, also for a user never seen, so a
 * retried deletion is harmless.
 */
@Path("/v1/users/{user_id}")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    private static final Logger LOG = Logger.getLogger(UsersResource.class);
    private static final String INVALID = "invalid_user";
    private final ProfileValidator validator = new ProfileValidator();

    @Inject
    ObjectMapper json;

    @Inject
    UserProfiles profiles;

    @Inject
    ResponseCache cache;

    @Inject
    UserErasure erasure;

    /** The 503 of a deletion that is recorded but not fully erased yet. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ErasureIncomplete(String error, String store, String message, boolean deletionRecorded, List<String> failedStores) {
    }

    @PUT
    public ProfileJson put(@PathParam("user_id") String userId, byte[] body) {
        ProfileValidator.Result r = validator.validate(userId, JsonBodies.object(json, body, INVALID));
        if (!r.valid()) {
            throw new InvalidFieldsException(INVALID, r.errors());
        }
        profiles.put(r.profile());
        try {
            // cached answers were computed for the old country, device and preferences
            cache.invalidate(userId);
        } catch (StoreUnavailableException e) {
            LOG.warnf("Profile of %s stored; its cached responses stay until they expire: %s", userId, e.getMessage());
        }
        return ProfileJson.of(r.profile());
    }

    @GET
    public Response get(@PathParam("user_id") String userId) {
        String id = QueryParams.id("user_id", userId);
        return profiles.get(id)
                .map(p -> Response.ok(ProfileJson.of(p)).build())
                .orElseGet(() -> ErrorBodies.notFound("user_id", "no profile for user " + id));
    }

    @DELETE
    public Response delete(@PathParam("user_id") String userId) {
        String id = QueryParams.id("user_id", userId);
        UserErasure.Outcome out = erasure.erase(id);
        if (out.complete()) {
            return Response.noContent().build();
        }
        List<String> stores = out.failures().stream().map(StoreUnavailableException::store).toList();
        out.failures().forEach(e -> LOG.warnf("Erasing user %s incomplete: %s", id, e.getMessage()));
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "5")
                .entity(new ErasureIncomplete("erasure_incomplete", stores.getFirst(),
                        "the deletion of " + id + " is recorded (training drops their events); erasing "
                                + String.join(", ", stores) + " failed and is retried on the next DELETE of this user",
                        true, stores)).build();
    }
}
