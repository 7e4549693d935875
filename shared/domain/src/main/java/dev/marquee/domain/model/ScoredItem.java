package dev.marquee.domain.model;

/** An item id with a score, e.g. a trending entry. */
public record ScoredItem(String itemId, double score) {
}
