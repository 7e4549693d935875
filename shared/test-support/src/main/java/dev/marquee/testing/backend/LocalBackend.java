package dev.marquee.testing.backend;

import java.net.URI;

/**
 * A real server started by a test (or by ./marquee local) on a free loopback port, stopped by {@link #close()}.
 * Every implementation binds 127.0.0.1 only.
 */
public interface LocalBackend extends AutoCloseable {

    /** Where clients connect, e.g. http://127.0.0.1:41234 or redis://127.0.0.1:41235. */
    URI endpoint();

    @Override
    void close();
}
