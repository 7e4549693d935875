package dev.marquee.domain.model;

/** One recommended item: its final score, why it is here and which generator proposed it. */
public record Recommendation(String itemId, double score, Reason reason, String source) {
}
