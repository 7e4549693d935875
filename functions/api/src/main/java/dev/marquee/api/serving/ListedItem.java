package dev.marquee.api.serving;

/**
 * One entry of a non-personalised list (similar, trending, popular): the item, its score, why it is listed,
 * the segment it is popular in (popular lists only) and the list it came from.
 */
public record ListedItem(String itemId, double score, String reason, String segment, String source) {
}
