package dev.marquee.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** A tar.gz of the given files (ustar entries, in map order), as SageMaker uploads /opt/ml/model: for tests. */
public final class TestTarball {
    private TestTarball() {
    }

    public static byte[] of(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                byte[] header = new byte[512];
                put(header, 0, f.getKey());
                put(header, 100, "0000644");
                put(header, 108, "0000000");
                put(header, 116, "0000000");
                put(header, 124, String.format("%011o", f.getValue().length));
                put(header, 136, String.format("%011o", 1_763_780_000L));
                header[156] = '0';
                put(header, 257, "ustar");
                put(header, 263, "00");
                for (int i = 148; i < 156; i++) {
                    header[i] = ' ';
                }
                long sum = 0;
                for (byte b : header) {
                    sum += b & 0xff;
                }
                put(header, 148, String.format("%06o", sum));
                header[154] = 0;
                out.write(header);
                out.write(f.getValue());
                out.write(new byte[(512 - f.getValue().length % 512) % 512]);
            }
            out.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, header, offset, v.length);
    }
}
