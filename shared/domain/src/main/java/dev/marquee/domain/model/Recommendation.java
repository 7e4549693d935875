package dev.marquee.domain.model;

import java.util.List;

/**
 * One recommended item: its score, why it is here and which generator proposed it ({@code source}, the one whose
 * reason is shown). {@code sources} lists every generator that proposed it, {@code source} first.
 */
public record Recommendation(String itemId, double score, Reason reason, String source, List<String> sources) {

    public Recommendation {
        sources = sources == null || sources.isEmpty() ? (source == null ? List.of() : List.of(source)) : List.copyOf(sources);
    }

    public Recommendation(String itemId, double score, Reason reason, String source) {
        this(itemId, score, reason, source, null);
    }

    public Recommendation withScore(double newScore) {
        return new Recommendation(itemId, newScore, reason, source, sources);
    }

    /** The same item explained by another reason (exploration, promotion); sources kept. */
    public Recommendation withReason(Reason newReason) {
        return new Recommendation(itemId, score, newReason, source, sources);
    }
}
