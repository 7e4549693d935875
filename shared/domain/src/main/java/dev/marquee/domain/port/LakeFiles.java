package dev.marquee.domain.port;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Plain objects in the lake by key ({@code catalog/2026-11-21.jsonl}, {@code deletions/dt=…/…jsonl}): what operators
 * drop there for import, and small records Marquee keeps there. Keys are relative, '/'-separated paths; the same key
 * names the same object in the S3 bucket and in the local lake folder.
 */
public interface LakeFiles {

    /**
     * The object's content, to be closed by the caller; empty only when no object has that key. Any failure to
     * reach the lake is a {@link StoreUnavailableException}, never "absent".
     */
    Optional<InputStream> open(String key);

    /** Writes (or replaces) the object whole: readers see the old content or the new, never a part. */
    void put(String key, byte[] content);

    /** Every key that starts with {@code prefix} ("" for all), at any depth, sorted. */
    List<String> list(String prefix);

    /**
     * The one key rule both lakes share: 1-1024 characters of '/'-separated non-empty segments, none of them
     * starting with '.' (no "..", no hidden scratch files), no backslash or control character. Throws
     * IllegalArgumentException naming the problem; returns the key.
     */
    static String requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 1024) {
            throw new IllegalArgumentException("a lake key must have 1-1024 characters: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                throw new IllegalArgumentException("a lake key is made of non-empty segments not starting with '.': " + key);
            }
        }
        if (key.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("a lake key has no backslash or control character: " + key);
        }
        return key;
    }

    /** A listing prefix: "" or a key, optionally ending with '/'. */
    static String requirePrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("a lake prefix is \"\" or a key");
        }
        if (!prefix.isEmpty()) {
            requireKey(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        }
        return prefix;
    }
}
