package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.osgi.framework.BundleContext;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.DropPolicy;
import io.kapture.api.FramePool;

/**
 * Watches one running camera while a test hot-deploys and removes a processor, to prove the camera never
 * noticed: the stream was not restarted (same restart count and start time), frames kept coming (the captured
 * count grew, and a listener of the watch's own saw sequence numbers that only rise, never start again), and once
 * the processor is gone every pooled buffer is back in the pool.
 *
 * <p>Threading contract: made, asserted and closed by the test thread; its listener is called on the camera's
 * delivery thread (see {@link RecordingListener}).
 */
final class CaptureWatch implements AutoCloseable {

    private final String camera;
    private final CaptureSession session;
    private final CaptureStats before;
    private final RecordingListener listener;

    private CaptureWatch(BundleContext context, CaptureSession session) {
        this.camera = session.camera();
        this.session = session;
        this.before = session.stats();
        this.listener = RecordingListener.register(context, camera, DropPolicy.DROP_OLDEST, 8);
    }

    /** Starts watching a running camera. */
    static CaptureWatch start(BundleContext context, CaptureSession session) {
        return new CaptureWatch(context, session);
    }

    /**
     * Asserts that the stream ran on undisturbed since {@link #start}, then stops the watch's own listener and
     * waits until the pool has every buffer back.
     */
    void assertUninterrupted(FramePool pool, Duration timeout) {
        long capturedSoFar = session.stats().captured();
        await("camera " + camera + " still capturing").atMost(timeout)
                .until(() -> session.stats().captured(), captured -> captured >= capturedSoFar + 10);
        CaptureStats after = session.stats();
        assertEquals("restarts of camera " + camera, before.restarts(), after.restarts());
        assertEquals("start time of camera " + camera + "'s stream", before.startedAtMillis(),
                after.startedAtMillis());
        assertTrue("camera " + camera + " captured " + before.captured() + " then " + after.captured(),
                after.captured() > before.captured());

        List<RecordingListener.Seen> frames = listener.frames();
        assertTrue("the watch saw only " + frames.size() + " frames of camera " + camera, frames.size() >= 10);
        for (int i = 1; i < frames.size(); i++) {
            long previous = frames.get(i - 1).sequence();
            long current = frames.get(i).sequence();
            assertTrue("camera " + camera + " started its sequence again: " + current + " after " + previous,
                    current > previous);
        }
        listener.close();
        await("every pool buffer back").atMost(timeout).until(() -> pool.stats().outstanding() == 0);
    }

    /** Unregisters the watch's listener; idempotent. */
    @Override
    public void close() {
        listener.close();
    }
}
