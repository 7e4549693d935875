package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.DeadLetterSink;
import dev.marquee.domain.port.DeadLetterSink.DeadLetter;
import dev.marquee.testing.contract.DeadLetterSinkContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** The embedded adapter against the contract the real adapter also passes. */
class LocalFolderDeadLetterSinkTest extends DeadLetterSinkContract {
    @TempDir
    Path root;
    private LocalFolderDeadLetterSink local;

    @Override
    protected DeadLetterSink newSink() {
        local = new LocalFolderDeadLetterSink(root);
        return local;
    }

    @Override
    protected List<DeadLetter> stored(int expected) {
        return local.letters();
    }
}
