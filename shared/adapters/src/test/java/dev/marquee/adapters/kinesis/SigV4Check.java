package dev.marquee.adapters.kinesis;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recomputes a request's SigV4 signature from what arrived on the wire, written from AWS' published algorithm
 * (not with the SDK), so a test catches both a wrong signing setup and a transport that changes signed headers.
 */
final class SigV4Check {
    private SigV4Check() {
    }

    /** The signature the Authorization header should carry for {@code call}, signed with {@code secretKey}. */
    static String expectedSignature(ScriptedKinesis.Call call, String secretKey) {
        Map<String, String> auth = authorization(call.header("authorization"));
        String[] scope = auth.get("Credential").split("/"); // AKID/yyyymmdd/region/service/aws4_request
        String amzDate = call.header("x-amz-date");
        StringBuilder canonical = new StringBuilder()
                .append(call.method()).append('\n')
                .append(call.path()).append('\n')
                .append('\n'); // no query string
        for (String name : auth.get("SignedHeaders").split(";")) {
            String value = call.header(name);
            canonical.append(name).append(':').append(value == null ? "" : value.strip().replaceAll("\\s+", " ")).append('\n');
        }
        canonical.append('\n').append(auth.get("SignedHeaders")).append('\n').append(hex(sha256(call.body())));
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n"
                + String.join("/", scope[1], scope[2], scope[3], scope[4]) + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, scope[4]);
        return hex(hmac(key, stringToSign));
    }

    /** "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..." as a map. */
    static Map<String, String> authorization(String header) {
        if (header == null || !header.startsWith("AWS4-HMAC-SHA256 ")) {
            throw new AssertionError("not a SigV4 Authorization header: " + header);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : header.substring("AWS4-HMAC-SHA256 ".length()).split(",")) {
            String[] kv = part.strip().split("=", 2);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
