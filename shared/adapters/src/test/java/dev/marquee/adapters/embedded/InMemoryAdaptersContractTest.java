package dev.marquee.adapters.embedded;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.model.InteractionEvent;
import dev.marquee.domain.port.CandidateStore;
import dev.marquee.domain.port.EventLake;
import dev.marquee.domain.port.EventStream;
import dev.marquee.domain.port.FeatureStore;
import dev.marquee.domain.port.ItemCatalog;
import dev.marquee.domain.port.ModelRegistry;
import dev.marquee.domain.port.ModelStore;
import dev.marquee.domain.port.ResponseCache;
import dev.marquee.domain.port.UserProfiles;
import dev.marquee.testing.contract.CandidateStoreContract;
import dev.marquee.testing.contract.EventLakeContract;
import dev.marquee.testing.contract.EventStreamContract;
import dev.marquee.testing.contract.FeatureStoreContract;
import dev.marquee.testing.contract.ItemCatalogContract;
import dev.marquee.testing.contract.ModelRegistryContract;
import dev.marquee.testing.contract.ModelStoreContract;
import dev.marquee.testing.contract.ResponseCacheContract;
import dev.marquee.testing.contract.UserProfilesContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The embedded adapters against the same contract suites the real adapters pass (see the *IT classes). */
class InMemoryAdaptersContractTest {

    @Nested
    class LocalFolderEventLakeTest extends EventLakeContract {
        @TempDir
        Path root;

        @Override
        protected EventLake newLake() {
            return new LocalFolderEventLake(root, new EventCodec(), Clock.systemUTC());
        }
    }

    @Nested
    class LocalFolderModelStoreTest extends ModelStoreContract {
        @TempDir
        Path root;

        @Override
        protected ModelStore newStore() {
            return new LocalFolderModelStore(root);
        }
    }

    @Nested
    class InMemoryModelRegistryTest extends ModelRegistryContract {
        @Override
        protected ModelRegistry newRegistry() {
            return new InMemoryModelRegistry();
        }
    }

    @Nested
    class InMemoryItemCatalogTest extends ItemCatalogContract {
        @Override
        protected ItemCatalog newCatalog() {
            return new InMemoryItemCatalog();
        }
    }

    @Nested
    class InMemoryUserProfilesTest extends UserProfilesContract {
        @Override
        protected UserProfiles newProfiles() {
            return new InMemoryUserProfiles();
        }
    }

    @Nested
    class InMemoryCandidateStoreTest extends CandidateStoreContract {
        @Override
        protected CandidateStore newStore() {
            return new InMemoryCandidateStore();
        }
    }

    @Nested
    class InMemoryFeatureStoreTest extends FeatureStoreContract {
        @Override
        protected FeatureStore newStore() {
            return new InMemoryFeatureStore(HALF_LIFE, Clock.systemUTC());
        }
    }

    @Nested
    class InMemoryResponseCacheTest extends ResponseCacheContract {
        @Override
        protected ResponseCache newCache() {
            return new InMemoryResponseCache(Clock.systemUTC());
        }
    }

    @Nested
    class InMemoryEventStreamTest extends EventStreamContract {
        private InMemoryEventStream inMemory;

        @Override
        protected EventStream newStream() {
            inMemory = new InMemoryEventStream();
            return inMemory;
        }

        @Override
        protected List<InteractionEvent> delivered(int expected) {
            try {
                return inMemory.poll(Integer.MAX_VALUE, 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
