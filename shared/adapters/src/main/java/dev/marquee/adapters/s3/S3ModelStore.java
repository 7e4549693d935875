package dev.marquee.adapters.s3;

import dev.marquee.domain.port.ModelStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Versioned model bundles in an S3 bucket, {@code [<prefix>]models/<version>/<artifact>}: the layout of
 * {@code LocalFolderModelStore}. Versions and artifacts are single path segments (no '/').
 *
 * <p>{@link #get} is empty only when S3 says the key does not exist (NoSuchKey / 404); every other failure,
 * a missing bucket included, is a {@link dev.marquee.domain.port.StoreUnavailableException}.
 */
public final class S3ModelStore implements ModelStore {
    public static final String MODELS_PREFIX = "models/";
    private static final int DEFAULT_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String root;
    private final int pageSize;

    public S3ModelStore(S3Client s3, String bucket) {
        this(s3, bucket, "", DEFAULT_PAGE_SIZE);
    }

    public S3ModelStore(S3Client s3, String bucket, String keyPrefix) {
        this(s3, bucket, keyPrefix, DEFAULT_PAGE_SIZE);
    }

    /** @param pageSize keys per ListObjectsV2 page (1..1000); smaller only to exercise paging */
    public S3ModelStore(S3Client s3, String bucket, String keyPrefix, int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be in 1..1000: " + pageSize);
        }
        this.s3 = s3;
        this.bucket = S3Keys.requireBucket(bucket);
        this.root = S3Keys.normalizePrefix(keyPrefix) + MODELS_PREFIX;
        this.pageSize = pageSize;
    }

    @Override
    public void put(String version, String artifact, byte[] content) {
        String key = key(version, artifact);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType(artifact)).contentLength((long) content.length),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw S3Keys.unavailable("put s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String version, String artifact) {
        String key = key(version, artifact);
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (SdkException e) {
            if (S3Keys.isMissingKey(e)) {
                return Optional.empty();
            }
            throw S3Keys.unavailable("get s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public List<String> artifacts(String version) {
        String dir = root + segment("version", version) + "/";
        List<String> names = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(listing(dir)).contents()) {
                names.add(o.key().substring(dir.length()));
            }
        } catch (SdkException e) {
            throw S3Keys.unavailable("list s3://" + bucket + "/" + dir, e);
        }
        names.sort(null);
        return names;
    }

    @Override
    public List<String> versions() {
        List<String> versions = new ArrayList<>();
        try {
            for (CommonPrefix p : s3.listObjectsV2Paginator(listing(root)).commonPrefixes()) {
                String v = p.prefix().substring(root.length());
                String name = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
                if (!ModelStore.isBookkeeping(name)) {
                    versions.add(name);
                }
            }
        } catch (SdkException e) {
            throw S3Keys.unavailable("list s3://" + bucket + "/" + root, e);
        }
        versions.sort(null);
        return versions;
    }

    private ListObjectsV2Request listing(String prefix) {
        return ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/").maxKeys(pageSize).build();
    }

    private String key(String version, String artifact) {
        return root + segment("version", version) + "/" + segment("artifact", artifact);
    }

    private static String segment(String what, String value) {
        if (value == null || value.isBlank() || value.contains("/") || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(what + " must be one non-blank path segment without '/': " + value);
        }
        return value;
    }

    private static String contentType(String artifact) {
        if (artifact.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }

    /** Where artifacts live: "s3://bucket/[prefix]models/". */
    @Override
    public String toString() {
        return "S3ModelStore[s3://" + bucket + "/" + root + "]";
    }
}
