package dev.marquee.testing.contract;

import dev.marquee.domain.port.LakeFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link LakeFiles} must do. Subclasses return a fresh, empty lake. */
public abstract class LakeFilesContract {
    protected LakeFiles files;

    protected abstract LakeFiles newFiles();

    @BeforeEach
    void createFiles() {
        files = newFiles();
    }

    protected static byte[] read(Optional<InputStream> object) {
        assertThat(object).as("object present").isPresent();
        try (InputStream in = object.get()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storedObjectsReadBackByteForByte() {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 131);
        }
        files.put("catalog/2026-11-21.jsonl", utf8("{\"item_id\":\"i1\"}\n"));
        files.put("models/blob.bin", big);

        assertThat(new String(read(files.open("catalog/2026-11-21.jsonl")), StandardCharsets.UTF_8)).isEqualTo("{\"item_id\":\"i1\"}\n");
        assertThat(read(files.open("models/blob.bin"))).isEqualTo(big);
    }

    @Test
    void anEmptyObjectIsPresentAndEmpty() {
        files.put("catalog/empty.jsonl", new byte[0]);

        assertThat(read(files.open("catalog/empty.jsonl"))).isEmpty();
    }

    @Test
    void aMissingKeyIsEmpty() {
        files.put("catalog/a/b.jsonl", utf8("x"));

        assertThat(files.open("catalog/nothing.jsonl")).isEmpty();
        // a "folder" is not an object in either lake
        assertThat(files.open("catalog/a")).isEmpty();
    }

    @Test
    void putReplacesAnExistingObjectWhole() {
        files.put("catalog/c.jsonl", utf8("old content, longer than the new one"));
        files.put("catalog/c.jsonl", utf8("new"));

        assertThat(read(files.open("catalog/c.jsonl"))).isEqualTo(utf8("new"));
        assertThat(files.list("catalog/")).containsExactly("catalog/c.jsonl");
    }

    @Test
    void listFindsEveryKeyUnderThePrefixAtAnyDepthSorted() {
        files.put("catalog/b.jsonl", utf8("b"));
        files.put("catalog/2026/11/a.jsonl", utf8("a"));
        files.put("catalog/a.jsonl", utf8("a"));
        files.put("catalog-old/x.jsonl", utf8("x"));
        files.put("deletions/dt=2026-11-21/x.jsonl", utf8("x"));

        assertThat(files.list("catalog/")).containsExactly("catalog/2026/11/a.jsonl", "catalog/a.jsonl", "catalog/b.jsonl");
        // a prefix is a string prefix of keys, as in S3, not a folder name
        assertThat(files.list("catalog")).containsExactly("catalog-old/x.jsonl", "catalog/2026/11/a.jsonl", "catalog/a.jsonl", "catalog/b.jsonl");
        assertThat(files.list("catalog/a")).containsExactly("catalog/a.jsonl");
        assertThat(files.list("")).hasSize(5);
    }

    @Test
    void listOfAPrefixWithNothingUnderItIsEmpty() {
        files.put("catalog/a.jsonl", utf8("a"));

        assertThat(files.list("deletions/")).isEmpty();
        assertThat(files.list("catalog/z")).isEmpty();
    }

    @Test
    void keysThatCouldEscapeTheLakeOrHideAreRefused() {
        for (String bad : List.of("", "/etc/passwd", "../outside.jsonl", "catalog/../../x", "catalog//x", "catalog/",
                "catalog/.hidden", "catalog\\x.jsonl", "catalog/a\u0000b")) {
            assertThatThrownBy(() -> files.put(bad, new byte[]{1})).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> files.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> files.list("../")).isInstanceOf(IllegalArgumentException.class);
        assertThat(files.list("")).isEmpty();
    }
}
