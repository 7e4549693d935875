package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.LakeFiles;
import dev.marquee.testing.contract.LakeFilesContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded adapter against the contract the S3 adapter also passes. */
class LocalFolderLakeFilesTest extends LakeFilesContract {
    @TempDir
    Path root;

    @Override
    protected LakeFiles newFiles() {
        return new LocalFolderLakeFiles(root);
    }

    @Test
    void objectsAreFilesAtTheirKeysPathAndNoScratchFileIsLeft() throws IOException {
        files.put("catalog/2026/x.jsonl", new byte[]{7});

        assertThat(Files.readAllBytes(root.resolve("catalog/2026/x.jsonl"))).containsExactly(7);
        try (var all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile)).containsExactly(root.resolve("catalog/2026/x.jsonl"));
        }
    }

    @Test
    void hiddenScratchFilesOfAnInterruptedWriteAreNotListed() throws IOException {
        Files.createDirectories(root.resolve("catalog"));
        Files.write(root.resolve("catalog/.writing-123.tmp"), new byte[]{1});
        files.put("catalog/a.jsonl", new byte[]{1});

        assertThat(files.list("catalog/")).containsExactly("catalog/a.jsonl");
    }
}
