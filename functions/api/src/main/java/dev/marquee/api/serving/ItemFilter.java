package dev.marquee.api.serving;

import dev.marquee.domain.model.Item;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code filter} on listed items: one of the genres (when any given) and one of the content types (when any given),
 * compared case-insensitively. {@link #canonical()} is a stable text for cache keys.
 */
public record ItemFilter(Set<String> genres, Set<String> contentTypes) {
    public static final ItemFilter NONE = new ItemFilter(Set.of(), Set.of());

    public ItemFilter {
        genres = lower(genres);
        contentTypes = lower(contentTypes);
    }

    public boolean isNone() {
        return genres.isEmpty() && contentTypes.isEmpty();
    }

    public boolean matches(Item item) {
        boolean genre = genres.isEmpty() || item.genres().stream().anyMatch(g -> genres.contains(g.toLowerCase(Locale.ROOT)));
        boolean type = contentTypes.isEmpty()
                || (item.contentType() != null && contentTypes.contains(item.contentType().toLowerCase(Locale.ROOT)));
        return genre && type;
    }

    public String canonical() {
        return "genre=" + String.join("|", new TreeSet<>(genres)) + ";content_type=" + String.join("|", new TreeSet<>(contentTypes));
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> out = new TreeSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }
}
