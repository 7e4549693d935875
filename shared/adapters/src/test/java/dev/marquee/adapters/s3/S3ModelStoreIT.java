package dev.marquee.adapters.s3;

import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.testing.contract.Fixtures;
import dev.marquee.testing.contract.ModelStoreContract;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 model store against the same contract as the local-folder one, on S3Mock; a fresh bucket per test. */
class S3ModelStoreIT extends ModelStoreContract {
    private static final S3Client s3 = LocalS3.client();

    private String bucket;



    @Override
    protected ModelStore newStore() {
        bucket = Fixtures.unique("models");
        s3.createBucket(b -> b.bucket(bucket));
        return new S3ModelStore(s3, bucket);
    }

    @Test
    void artifactsLiveUnderModelsVersionArtifact() {
        store.put("v7", "manifest.json", new byte[]{1});

        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents())
                .singleElement().satisfies(o -> assertThat(o.key()).isEqualTo("models/v7/manifest.json"));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("models/v7/manifest.json")).contentType()).isEqualTo("application/json");
    }

    @Test
    void listingsPageThroughManyVersionsAndArtifacts() {
        ModelStore smallPages = new S3ModelStore(s3, bucket, "", 2);
        for (String v : new String[]{"v3", "v1", "v2", "v5", "v4"}) {
            smallPages.put(v, "manifest.json", new byte[]{1});
        }
        for (String a : new String[]{"e.bin", "a.bin", "d.bin", "c.bin", "b.bin"}) {
            smallPages.put("v1", a, new byte[]{2});
        }

        assertThat(smallPages.versions()).containsExactly("v1", "v2", "v3", "v4", "v5");
        assertThat(smallPages.artifacts("v1")).containsExactly("a.bin", "b.bin", "c.bin", "d.bin", "e.bin", "manifest.json");
    }

    @Test
    void aKeyPrefixSeparatesStoresInOneBucket() {
        ModelStore prefixed = new S3ModelStore(s3, bucket, "/staging/");
        prefixed.put("v1", "manifest.json", new byte[]{9});

        assertThat(s3.headObject(b -> b.bucket(bucket).key("staging/models/v1/manifest.json")).contentLength()).isEqualTo(1);
        assertThat(prefixed.versions()).containsExactly("v1");
        assertThat(store.versions()).isEmpty();
        assertThat(store.get("v1", "manifest.json")).isEmpty();
    }

    @Test
    void aMissingBucketIsAnOutageNotAMissingArtifact() {
        ModelStore misconfigured = new S3ModelStore(s3, Fixtures.unique("no-such-bucket"));

        assertThatThrownBy(() -> misconfigured.get("v1", "manifest.json"))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).store()).isEqualTo("s3"));
        assertThatThrownBy(misconfigured::versions).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void versionsAndArtifactsAreSinglePathSegments() {
        assertThatThrownBy(() -> store.put("v1/x", "a", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("v1", "../v2/a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.artifacts("")).isInstanceOf(IllegalArgumentException.class);
    }
}
