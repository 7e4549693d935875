package dev.marquee.adapters.bundle;

import dev.marquee.domain.port.ModelStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Copies one bundle out of a training job's {@code model.tar.gz} (what SageMaker uploads from {@code /opt/ml/model})
 * into the lake's {@code models/<version>/}: the entries {@code [./]models/<version>/<artifact>}, nothing else.
 * A plain ustar reader: the archive is the job's own, small files, short names.
 */
public final class BundleTarball {
    private static final int BLOCK = 512;

    private BundleTarball() {
    }

    /** Returns the artifacts copied (empty when the archive holds no bundle of that version). */
    public static List<String> unpack(InputStream tarGz, String version, ModelStore into) throws IOException {
        List<String> copied = new ArrayList<>();
        byte[] manifest = null;
        String wanted = "models/" + version + "/";
        try (InputStream in = new GZIPInputStream(tarGz)) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                String octal = field(header, 124, 12).trim();
                long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
                char type = (char) header[156];
                byte[] content = readFully(in, size);
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                String path = name.startsWith("./") ? name.substring(2) : name;
                boolean file = type == '0' || type == 0;
                if (file && path.startsWith(wanted) && path.indexOf('/', wanted.length()) < 0 && path.length() > wanted.length()) {
                    String artifact = path.substring(wanted.length());
                    // manifest.json last: a bundle with a manifest is complete
                    if (!artifact.equals(BundleFiles.MANIFEST)) {
                        into.put(version, artifact, content);
                        copied.add(artifact);
                    } else {
                        manifest = content;
                    }
                }
            }
        }
        if (manifest != null) {
            into.put(version, BundleFiles.MANIFEST, manifest);
            copied.add(BundleFiles.MANIFEST);
        }
        return copied;
    }

    private static byte[] readFully(InputStream in, long size) throws IOException {
        if (size > Integer.MAX_VALUE) {
            throw new IOException("tar entry of " + size + " bytes is too large for a bundle file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        out.write(in.readNBytes((int) size));
        if (out.size() != size) {
            throw new IOException("truncated tar entry");
        }
        return out.toByteArray();
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
