package dev.marquee.domain.model;

import java.time.Instant;

/**
 * What a verified tracking token says about the recommendation an event answers: the A/B variant and model version
 * that served it, the request, when it was served, and the item's 1-based position in that answer ({@code null}
 * when the item was not in it, e.g. the user went on to something else). Online metrics group by these.
 */
public record Attribution(String variant, String modelVersion, String requestId, Instant servedAt, Integer position) {
}
