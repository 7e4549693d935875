package dev.marquee.adapters.dynamodb;

import dev.marquee.domain.model.Candidate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A candidate list as one compact binary value, so a list is one item and one read. Layout (format 1):
 * <pre>
 *   byte    format (1)
 *   varint  number of distinct sources, then each: varint length, UTF-8 bytes
 *   varint  number of candidates, then each: varint length, UTF-8 item id; 8-byte IEEE double score (exact);
 *           varint source index (0 = no source, i = the i-th source above)
 * </pre>
 * Sources repeat across a list, so they are stored once. 500 candidates with 26-character ids take about 18 KB,
 * against 400 KB per item; a native list of maps would be several times larger and cost as many more capacity units.
 */
final class CandidateListCodec {
    static final byte FORMAT = 1;

    private CandidateListCodec() {
    }

    static byte[] encode(List<Candidate> candidates) {
        Map<String, Integer> sources = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.source() != null) {
                sources.putIfAbsent(c.source(), sources.size() + 1);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + candidates.size() * 40);
        out.write(FORMAT);
        writeVarint(out, sources.size());
        sources.keySet().forEach(s -> writeString(out, s));
        writeVarint(out, candidates.size());
        for (Candidate c : candidates) {
            writeString(out, c.itemId());
            long bits = Double.doubleToRawLongBits(c.score());
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (bits >>> shift));
            }
            writeVarint(out, c.source() == null ? 0 : sources.get(c.source()));
        }
        return out.toByteArray();
    }

    static List<Candidate> decode(ByteBuffer in) {
        try {
            byte format = in.get();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown candidate list format " + format);
            }
            String[] sources = new String[readVarint(in) + 1];
            for (int i = 1; i < sources.length; i++) {
                sources[i] = readString(in);
            }
            int n = readVarint(in);
            List<Candidate> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String itemId = readString(in);
                double score = in.getDouble();
                list.add(new Candidate(itemId, score, sources[readVarint(in)]));
            }
            return List.copyOf(list);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IllegalStateException("corrupt candidate list", e);
        }
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static String readString(ByteBuffer in) {
        byte[] bytes = new byte[readVarint(in)];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static int readVarint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("corrupt candidate list: varint too long");
    }
}
