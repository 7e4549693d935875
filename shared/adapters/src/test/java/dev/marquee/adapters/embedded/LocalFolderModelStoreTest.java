package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.ModelStore;
import dev.marquee.testing.contract.ModelStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The embedded adapter against the contract the real adapter also passes. */
class LocalFolderModelStoreTest extends ModelStoreContract {
    @TempDir
    Path root;

    @Override
    protected ModelStore newStore() {
        return new LocalFolderModelStore(root);
    }
}
