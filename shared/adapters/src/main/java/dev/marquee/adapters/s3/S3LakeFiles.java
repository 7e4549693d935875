package dev.marquee.adapters.s3;

import dev.marquee.domain.port.LakeFiles;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lake objects in an S3 bucket, under an optional key prefix: the layout of {@code LocalFolderLakeFiles}.
 * {@link #open} is empty only when S3 says the key does not exist; every other failure, a missing bucket included,
 * is a {@link dev.marquee.domain.port.StoreUnavailableException}.
 */
public final class S3LakeFiles implements LakeFiles {
    private static final int DEFAULT_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int pageSize;

    public S3LakeFiles(S3Client s3, String bucket, String keyPrefix) {
        this(s3, bucket, keyPrefix, DEFAULT_PAGE_SIZE);
    }

    /** @param pageSize keys per ListObjectsV2 page (1..1000); smaller only to exercise paging */
    public S3LakeFiles(S3Client s3, String bucket, String keyPrefix, int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be in 1..1000: " + pageSize);
        }
        this.s3 = s3;
        this.bucket = S3Keys.requireBucket(bucket);
        this.prefix = S3Keys.normalizePrefix(keyPrefix);
        this.pageSize = pageSize;
    }

    @Override
    public Optional<InputStream> open(String key) {
        String full = prefix + LakeFiles.requireKey(key);
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(full)));
        } catch (SdkException e) {
            if (S3Keys.isMissingKey(e)) {
                return Optional.empty();
            }
            throw S3Keys.unavailable("get s3://" + bucket + "/" + full, e);
        }
    }

    @Override
    public void put(String key, byte[] content) {
        String full = prefix + LakeFiles.requireKey(key);
        try {
            s3.putObject(b -> b.bucket(bucket).key(full).contentType(contentType(key)).contentLength((long) content.length),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw S3Keys.unavailable("put s3://" + bucket + "/" + full, e);
        }
    }

    @Override
    public List<String> list(String keyPrefix) {
        String full = prefix + LakeFiles.requirePrefix(keyPrefix);
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(full).maxKeys(pageSize).build();
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
                keys.add(o.key().substring(prefix.length()));
            }
        } catch (SdkException e) {
            throw S3Keys.unavailable("list s3://" + bucket + "/" + full, e);
        }
        keys.sort(null);
        return keys;
    }

    private static String contentType(String key) {
        if (key.endsWith(".jsonl")) {
            return "application/x-ndjson";
        }
        if (key.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }

    @Override
    public String toString() {
        return "S3LakeFiles[s3://" + bucket + "/" + prefix + "]";
    }
}
