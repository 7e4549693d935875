package dev.marquee.domain.publish;

import dev.marquee.domain.model.Candidate;

import java.util.List;
import java.util.function.BiConsumer;

/** Streams the (key, list) pairs of one bundle list file, in file order; the adapters' codec implements it. */
@FunctionalInterface
public interface ListFileReader {
    void read(byte[] content, BiConsumer<String, List<Candidate>> sink);
}
