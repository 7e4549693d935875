package dev.marquee.devtools.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ForeignNativesTest {
    @TempDir
    Path dir;

    @Test
    void theOnnxRuntimeJarKeepsItsClassesAndOnlyTheLinuxX64Natives() throws IOException {
        Path jar = zip("com.microsoft.onnxruntime.onnxruntime-1.29.0.jar", "ai/onnxruntime/OrtSession.class", "ai/onnxruntime/native/",
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so", "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                "ai/onnxruntime/native/win-x64/onnxruntime.dll", "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so");

        Path copy = dir.resolve("out.jar");
        ForeignNatives.copy(jar, copy);

        assertThat(entries(copy)).containsExactly("ai/onnxruntime/OrtSession.class", "ai/onnxruntime/native/",
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so");
    }

    @Test
    void otherJarsAreCopiedAsTheyAre() throws IOException {
        Path jar = zip("org.tribuo.tribuo-util-onnx-4.3.2.jar", "ai/onnxruntime/native/win-x64/x.dll", "a/B.class");

        Path copy = dir.resolve("other.jar");
        ForeignNatives.copy(jar, copy);

        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(jar));
    }

    private Path zip(String name, String... entries) throws IOException {
        Path jar = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                if (!e.endsWith("/")) {
                    out.write(e.getBytes());
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }
}
