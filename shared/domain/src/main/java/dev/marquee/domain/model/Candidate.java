package dev.marquee.domain.model;

import java.util.Objects;

/** An item proposed by a generator, with the generator's score and name (the source). */
public record Candidate(String itemId, double score, String source) {
    public Candidate {
        Objects.requireNonNull(itemId, "itemId");
    }
}
