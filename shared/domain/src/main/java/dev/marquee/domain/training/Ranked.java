package dev.marquee.domain.training;

/** One row's top list in dense indices, best first: {@code items[r]} scored {@code scores[r]}. */
public record Ranked(int[] items, float[] scores) {
    public static final Ranked EMPTY = new Ranked(new int[0], new float[0]);

    public int size() {
        return items.length;
    }
}
