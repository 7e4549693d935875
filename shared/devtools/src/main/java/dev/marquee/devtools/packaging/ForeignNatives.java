package dev.marquee.devtools.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Drops the native libraries a Lambda on x86_64 Linux never loads from the jars that carry every platform's (ONNX
 * Runtime's jar holds about 160 MB of macOS, Windows and aarch64 libraries, which alone would push the api's package
 * to Lambda's 250 MB unzipped limit). Entries under {@code <prefix>/<platform>/} are kept only for {@code linux-x64}.
 */
final class ForeignNatives {
    /** The jar (Maven's name, or Quarkus's lib/ name with the group in front) and its folder of per-platform folders. */
    static final Pattern ONNX_RUNTIME_JAR = Pattern.compile("(com\\.microsoft\\.onnxruntime\\.)?onnxruntime-\\d.*\\.jar");
    static final String ONNX_RUNTIME_NATIVES = "ai/onnxruntime/native/";
    static final String KEPT_PLATFORM = "linux-x64/";

    private ForeignNatives() {
    }

    /** Copies {@code jar} to {@code target}, without the other platforms' natives when it is a jar that carries them. */
    static void copy(Path jar, Path target) throws IOException {
        if (!ONNX_RUNTIME_JAR.matcher(jar.getFileName().toString()).matches()) {
            Files.copy(jar, target);
            return;
        }
        try (InputStream raw = Files.newInputStream(jar); ZipInputStream in = new ZipInputStream(raw);
             OutputStream file = Files.newOutputStream(target); ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!kept(e.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    static boolean kept(String entry) {
        return !entry.startsWith(ONNX_RUNTIME_NATIVES)
                || entry.length() == ONNX_RUNTIME_NATIVES.length()
                || entry.startsWith(ONNX_RUNTIME_NATIVES + KEPT_PLATFORM);
    }
}
