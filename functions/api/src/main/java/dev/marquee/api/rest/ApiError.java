package dev.marquee.api.rest;

/** The JSON body of every error answer: a stable code, the offending field (if any) and a readable message. */
public record ApiError(String error, String field, String message) {
}
