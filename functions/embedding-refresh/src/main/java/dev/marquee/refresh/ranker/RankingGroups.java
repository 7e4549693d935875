package dev.marquee.refresh.ranker;

/**
 * Learning-to-rank rows: {@code rows} row-major ({@code width} floats each), one label per row, rows of a query group
 * contiguous and in candidate order (the generator's order), {@code sizes} the group lengths.
 */
public record RankingGroups(int width, float[] rows, float[] labels, int[] sizes, String[] itemIds) {

    public int rowCount() {
        return labels.length;
    }

    public int groupCount() {
        return sizes.length;
    }
}
