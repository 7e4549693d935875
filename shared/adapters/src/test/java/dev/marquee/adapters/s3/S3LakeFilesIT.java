package dev.marquee.adapters.s3;

import dev.marquee.domain.port.LakeFiles;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.contract.Fixtures;
import dev.marquee.testing.contract.LakeFilesContract;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 lake files against the same contract as the local-folder ones, on S3Mock; a fresh bucket per test. */
class S3LakeFilesIT extends LakeFilesContract {
    private static final S3Client s3 = LocalS3.client();

    private String bucket;



    @Override
    protected LakeFiles newFiles() {
        bucket = Fixtures.unique("files");
        s3.createBucket(b -> b.bucket(bucket));
        return new S3LakeFiles(s3, bucket, "");
    }

    @Test
    void objectsLiveAtTheirKeyWithAContentTypeByExtension() {
        files.put("catalog/a.jsonl", new byte[]{1});
        files.put("deletions/x.json", new byte[]{1});

        assertThat(s3.headObject(b -> b.bucket(bucket).key("catalog/a.jsonl")).contentType()).isEqualTo("application/x-ndjson");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("deletions/x.json")).contentType()).isEqualTo("application/json");
    }

    @Test
    void objectsUploadedByOtherToolsAreReadable() {
        s3.putObject(b -> b.bucket(bucket).key("catalog/from-cli.jsonl"), RequestBody.fromString("{\"item_id\":\"i1\"}\n"));

        assertThat(files.list("catalog/")).containsExactly("catalog/from-cli.jsonl");
        assertThat(new String(read(files.open("catalog/from-cli.jsonl")), StandardCharsets.UTF_8)).isEqualTo("{\"item_id\":\"i1\"}\n");
    }

    @Test
    void aKeyPrefixSeparatesLakesInOneBucket() {
        LakeFiles tenant = new S3LakeFiles(s3, bucket, "tenant-a");
        tenant.put("catalog/a.jsonl", new byte[]{1});

        assertThat(s3.headObject(b -> b.bucket(bucket).key("tenant-a/catalog/a.jsonl")).contentLength()).isEqualTo(1);
        assertThat(tenant.list("")).containsExactly("catalog/a.jsonl");
        assertThat(files.list("catalog/")).isEmpty();
        assertThat(files.open("catalog/a.jsonl")).isEmpty();
    }

    @Test
    void listingsPageThroughManyObjects() {
        LakeFiles smallPages = new S3LakeFiles(s3, bucket, "", 2);
        for (String name : new String[]{"e", "a", "d", "c", "b"}) {
            smallPages.put("catalog/" + name + ".jsonl", new byte[]{1});
        }

        assertThat(smallPages.list("catalog/")).containsExactly(
                "catalog/a.jsonl", "catalog/b.jsonl", "catalog/c.jsonl", "catalog/d.jsonl", "catalog/e.jsonl");
    }

    @Test
    void aMissingBucketIsAnOutageNotAMissingObject() {
        LakeFiles misconfigured = new S3LakeFiles(s3, Fixtures.unique("no-such-bucket"), "");

        assertThatThrownBy(() -> misconfigured.open("catalog/a.jsonl"))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo("s3"));
        assertThatThrownBy(() -> misconfigured.list("catalog/")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> misconfigured.put("catalog/a.jsonl", new byte[]{1})).isInstanceOf(StoreUnavailableException.class);
    }
}
