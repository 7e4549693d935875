package dev.marquee.retrain;

import dev.marquee.adapters.bundle.BundleFiles;
import dev.marquee.adapters.bundle.BundleManifest;
import dev.marquee.adapters.bundle.BundleTarball;
import dev.marquee.adapters.dynamodb.DynamoDbCandidateStore;
import dev.marquee.adapters.dynamodb.DynamoDbModelRegistry;
import dev.marquee.adapters.s3.S3ModelStore;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.StoreUnavailableException;
import dev.marquee.domain.publish.BundleDescription;
import dev.marquee.domain.publish.BundlePublisher;
import dev.marquee.domain.publish.PublishGate;
import dev.marquee.runtime.config.MarqueeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The publish step on the real stores: bundles from the S3 lake ({@code models/<version>/}), lists into the DynamoDB
 * candidates table, the switch in the models table, the gate from {@code marquee.retrain.gate-*}. Built from the
 * SDK clients alone, so the retrain function needs neither Redis nor the other ports.
 */
@ApplicationScoped
public class Publishing {
    private final BundlePublisher publisher;
    private final ModelRegistry registry;
    private final Bundles bundles;

    @Inject
    public Publishing(DynamoDbClient dynamo, S3Client s3, MarqueeConfig marquee, RetrainConfig retrain, Clock clock) {
        MarqueeConfig.Tables tables = marquee.aws().tables();
        ModelStore models = new S3ModelStore(s3, marquee.aws().lakeBucket());
        registry = new DynamoDbModelRegistry(dynamo, tables.models());
        PublishGate gate = retrain.gateRelative() ? PublishGate.relative(retrain.gateMargin()) : PublishGate.absolute(retrain.gateMargin());
        publisher = new BundlePublisher(models, BundleFiles::read, new DynamoDbCandidateStore(dynamo, tables.candidates()),
                registry, gate, clock, retrain.publishChunk());
        bundles = new Bundles(models, s3);
    }

    public BundlePublisher publisher() {
        return publisher;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public Bundles bundles() {
        return bundles;
    }

    /**
     * Finds a job's bundle: in the lake at {@code models/<version>/} when the container wrote it there, else in the
     * job's {@code model.tar.gz} (a container that wrote {@code /opt/ml/model/models/<version>/}), copied into the
     * lake first so the publish reads one layout.
     */
    public static final class Bundles {
        private static final Logger LOG = Logger.getLogger(Bundles.class);
        private final ModelStore models;
        private final S3Client s3;

        Bundles(ModelStore models, S3Client s3) {
            this.models = models;
            this.s3 = s3;
        }

        /** @throws BundleManifest.InvalidBundleException no (valid) bundle of that version in either place */
        public BundleDescription read(String version, String modelArtifactsUri) {
            if (models.get(version, BundleFiles.MANIFEST).isEmpty() && modelArtifactsUri != null) {
                List<String> copied = unpack(version, modelArtifactsUri);
                LOG.infof("Copied bundle %s from %s into the lake: %s", version, modelArtifactsUri, copied);
            }
            return BundleManifest.read(models, version);
        }

        private List<String> unpack(String version, String uri) {
            URI u = URI.create(uri);
            if (!"s3".equals(u.getScheme()) || u.getHost() == null) {
                throw new BundleManifest.InvalidBundleException(version, "model artifacts are not an s3:// URI: " + uri);
            }
            String key = u.getPath().substring(1);
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(u.getHost()).key(key))) {
                return BundleTarball.unpack(in, version, models);
            } catch (NoSuchKeyException e) {
                throw new BundleManifest.InvalidBundleException(version, "neither models/" + version + "/manifest.json nor " + uri + " exists");
            } catch (SdkException | IOException e) {
                throw new StoreUnavailableException("lake", "reading " + uri + " failed: " + e.getMessage(), e);
            }
        }
    }
}
