package io.kapture.testing;

import org.junit.jupiter.api.AfterEach;

/**
 * The set-up every test of a frame processor shares: a {@link RecordingRegistrar} the processor subscribes
 * through, the {@link SyntheticFeed} the test opens into {@link #feed} (closed after the test), and
 * {@link #deliver} to hand its frames over. A test class extends it; {@link ProcessorFixture} adds a storage root
 * for processors that write files.
 *
 * <p>One instance per test, on JUnit's thread, as JUnit makes them.
 */
public abstract class FeedFixture {

    /** Where the processor under test subscribes; the test delivers frames through it. */
    protected final RecordingRegistrar registrar = new RecordingRegistrar();
    /** The feed the test opens, if any; closed after the test. */
    protected SyntheticFeed feed;

    @AfterEach
    void closeFeed() {
        if (feed != null) {
            feed.close();
        }
    }

    /** Hands the next {@code frames} frames of {@link #feed} to the listeners subscribed through {@link #registrar}. */
    protected void deliver(int frames) {
        for (int i = 0; i < frames; i++) {
            registrar.deliver(feed.next());
        }
    }
}
