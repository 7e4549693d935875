package dev.marquee.adapters.embedded;

import dev.marquee.adapters.json.EventCodec;
import dev.marquee.domain.port.EventLake;
import dev.marquee.testing.contract.EventLakeContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The embedded adapter against the contract the real adapter also passes. */
class LocalFolderEventLakeTest extends EventLakeContract {
    @TempDir
    Path root;

    @Override
    protected EventLake newLake() {
        return new LocalFolderEventLake(root, new EventCodec(), Clock.systemUTC());
    }
}
