package dev.marquee.domain.ingest;

/** One problem with one field of an incoming event: the field's JSON name and what is wrong. */
public record FieldError(String field, String reason) {
}
