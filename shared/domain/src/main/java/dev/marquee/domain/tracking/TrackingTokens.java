package dev.marquee.domain.tracking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies tracking tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(secret, payload))}.
 * The payload is readable by anyone (it says nothing secret); only the holder of the secret can make one that
 * verifies, so a client cannot claim an event for a variant, a position or another user it was not served.
 * Format of the payload (big-endian): byte 1 (format), UTF variant, UTF model version ("" for none), UTF request id,
 * UTF user id, int64 issued-at epoch seconds, uint16 n, n x int32 item fingerprints.
 */
public final class TrackingTokens {
    private static final byte FORMAT = 1;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Tolerated clock difference between the instance that issued a token and the one verifying it. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration maxAge;
    private final ThreadLocal<Mac> macs;

    /** The outcome of a verification: the token, or why it was refused. */
    public record Verified(TrackingToken token, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * @param secret at least 32 bytes
     * @param maxAge how long after issue an event may still cite a token
     */
    public TrackingTokens(byte[] secret, Clock clock, Duration maxAge) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the tracking-token secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
        this.maxAge = maxAge;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
    }

    public String issue(TrackingToken token) {
        byte[] payload = payload(token);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(macs.get().doFinal(payload));
    }

    /** Verifies signature, age and that the token was issued to {@code userId}. */
    public Verified verify(String token, String userId) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return refused("is not a tracking token issued by this service");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return refused("is not a tracking token issued by this service");
        }
        if (!MessageDigest.isEqual(macs.get().doFinal(payload), signature)) {
            return refused("has an invalid signature (altered, or not issued by this service)");
        }
        TrackingToken t = parse(payload);
        if (t == null) {
            return refused("is not a tracking token issued by this service");
        }
        if (!t.userId().equals(userId)) {
            return refused("was issued to another user");
        }
        Instant now = clock.instant();
        if (t.issuedAt().isAfter(now.plus(SKEW)) || t.issuedAt().isBefore(now.minus(maxAge))) {
            return refused("has expired (tokens are accepted for " + maxAge.toDays() + " days)");
        }
        return new Verified(t, null);
    }

    /**
     * A fresh token for an answer served again (from a response cache): same variant, model version, user and item
     * order, but a new request id and issued now, so each serving is its own impression. Empty when {@code token} does
     * not verify for {@code userId} (an altered cache entry, or one signed before a secret rotation): serve anew then.
     */
    public Optional<String> reissue(String token, String userId, String requestId) {
        Verified v = verify(token, userId);
        if (!v.ok()) {
            return Optional.empty();
        }
        TrackingToken t = v.token();
        return Optional.of(issue(new TrackingToken(t.variant(), t.modelVersion(), requestId, t.userId(),
                clock.instant(), t.items())));
    }

    /** Reads a token's content without checking its signature (offline attribution of events already verified). */
    public static TrackingToken read(String token) {
        int dot = token.indexOf('.');
        try {
            return parse(DECODER.decode(dot < 0 ? token : token.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Verified refused(String why) {
        return new Verified(null, why);
    }

    private static byte[] payload(TrackingToken t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 4 * t.items().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(t.variant());
            out.writeUTF(t.modelVersion() == null ? "" : t.modelVersion());
            out.writeUTF(t.requestId());
            out.writeUTF(t.userId());
            out.writeLong(t.issuedAt().getEpochSecond());
            out.writeShort(t.items().length);
            for (int fp : t.items()) {
                out.writeInt(fp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static TrackingToken parse(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != FORMAT) {
                return null;
            }
            String variant = in.readUTF();
            String model = in.readUTF();
            String request = in.readUTF();
            String user = in.readUTF();
            Instant issued = Instant.ofEpochSecond(in.readLong());
            int[] items = new int[in.readUnsignedShort()];
            for (int i = 0; i < items.length; i++) {
                items[i] = in.readInt();
            }
            if (in.available() != 0) {
                return null;
            }
            return new TrackingToken(variant, model.isEmpty() ? null : model, request, user, issued, items);
        } catch (IOException e) {
            return null;
        }
    }

    /** A secret from configuration text: its UTF-8 bytes. */
    public static byte[] secretOf(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
