package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.StoreUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lake objects as files under the lake folder, at the path their key names (the S3 layout). Writes go to a hidden
 * scratch file and are renamed into place, so a reader never sees half an object; listings skip hidden files.
 */
public final class LocalFolderLakeFiles implements LakeFiles {
    static final String STORE = "lake";

    private final Path root;

    public LocalFolderLakeFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<InputStream> open(String key) {
        Path file = file(key);
        if (Files.isDirectory(file)) {
            // "a" when only "a/b" exists: S3 has no object there either
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("open " + file, e);
        }
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = file(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".writing-", ".tmp");
            try {
                Files.write(tmp, content);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw unavailable("write " + target, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        LakeFiles.requirePrefix(prefix);
        // walk only the deepest folder the prefix names completely; keys are then filtered as strings, like S3
        int slash = prefix.lastIndexOf('/');
        Path dir = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(key -> key.startsWith(prefix) && !hidden(key))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw unavailable("list " + dir, e);
        }
    }

    private Path file(String key) {
        return root.resolve(LakeFiles.requireKey(key));
    }

    private static boolean hidden(String key) {
        for (String segment : key.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static StoreUnavailableException unavailable(String what, IOException e) {
        return new StoreUnavailableException(STORE, what + " failed: " + e, e);
    }

    @Override
    public String toString() {
        return "LocalFolderLakeFiles[" + root + "]";
    }
}
