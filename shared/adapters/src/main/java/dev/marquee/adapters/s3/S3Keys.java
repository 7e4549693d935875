package dev.marquee.adapters.s3;

import dev.marquee.domain.port.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Objects;

/** Key prefixes and error mapping shared by the S3 adapters. */
final class S3Keys {
    static final String STORE = "s3";

    private S3Keys() {
    }

    /** "" stays ""; "lake", "/lake" and "lake/" become "lake/". */
    static String normalizePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String p = prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return "";
        }
        return p.endsWith("/") ? p : p + "/";
    }

    static String requireBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("bucket is blank");
        }
        return bucket;
    }

    /**
     * A real "this key does not exist" answer from S3: NoSuchKey, or a 404 without a body (HEAD). A missing bucket
     * is not that: it is a misconfigured or unreachable store.
     */
    static boolean isMissingKey(SdkException e) {
        if (e instanceof NoSuchKeyException) {
            return true;
        }
        if (e instanceof S3Exception s3 && s3.statusCode() == 404) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            return code == null || code.isEmpty() || "NoSuchKey".equals(code) || "NotFound".equals(code);
        }
        return false;
    }

    static StoreUnavailableException unavailable(String what, SdkException e) {
        return new StoreUnavailableException(STORE, what + " failed: " + e.getMessage(), e);
    }
}
