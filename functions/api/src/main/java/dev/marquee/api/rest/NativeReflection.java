package dev.marquee.api.rest;

import dev.marquee.domain.ingest.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON bodies Jackson reads and writes by reflection, for the native image: Quarkus REST registers the declared
 * return and parameter types of resource methods itself, but not entities put in a {@code Response} or nested
 * records (and the domain's {@link FieldError} cannot carry a Quarkus annotation).
 */
@RegisterForReflection(targets = {
        ApiError.class,
        FieldError.class,
        ErrorBodies.InvalidFields.class,
        ErrorBodies.StoreUnavailable.class,
        EventsResponses.Rejection.class,
        EventsResponses.Failure.class,
        EventsResponses.Accepted.class,
        EventsResponses.Invalid.class,
        EventsResponses.InvalidBatch.class,
        CatalogImport.LineError.class,
        CatalogImport.Report.class,
        ItemImportResource.ImportInterrupted.class,
        UsersResource.ErasureIncomplete.class,
        ItemJson.class,
        ProfileJson.class,
        ProfileJson.PreferencesJson.class,
        RecommendationsResponse.class,
        RecommendationsResponse.Entry.class})
final class NativeReflection {
    private NativeReflection() {
    }
}
