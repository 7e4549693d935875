package dev.marquee.domain.model;

/** The precomputed lists a model version carries, each keyed by its own kind of key. */
public enum CandidateKind {
    /** Key: user id. Per-user top-N from collaborative filtering. */
    USER,
    /** Key: item id. Item-to-item neighbours. */
    SIMILAR,
    /** Key: {@link Segment#key()}. Popularity in a segment. */
    SEGMENT
}
