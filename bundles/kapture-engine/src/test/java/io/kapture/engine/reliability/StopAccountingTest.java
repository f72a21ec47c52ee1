package io.kapture.engine.reliability;

import static io.kapture.engine.reliability.Pipeline.configuration;
import static io.kapture.engine.reliability.Pipeline.eventually;
import static io.kapture.engine.reliability.Pipeline.listener;
import static io.kapture.engine.reliability.Pipeline.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureStats;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * Frames still queued for a subscriber when its camera stops are released by the stop; they must still be
 * accounted for, so that the stopped stream's figures keep captured = delivered + dropped + queued for every
 * subscriber (the promise of {@link CaptureStats}).
 *
 * <p>Runs on the test thread; the camera runs its own threads.
 */
class StopAccountingTest {

    private final Pipeline pipeline = new Pipeline();
    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        gate.countDown();
        pipeline.close();
    }

    @Test
    void framesQueuedAtStopAreCounted() {
        pipeline.provider.wedgeNewSourcesAfter(40);
        CaptureSessionImpl session = pipeline.camera();
        subscribe(session, this::waitForGate, "slow", FrameListener.QUEUE_CAPACITY, 8,
                FrameListener.DROP_POLICY, "DROP_NEWEST");
        session.configure(configuration("stopped", "delivery", "pool"));
        session.awaitSettled();
        eventually(() -> session.stats().captured() == 40 && listener(session.stats(), "slow").delivered() == 1);
        assertTrue(listener(session.stats(), "slow").queued() > 0, "frames wait in the queue when the camera stops");

        session.stop();

        CaptureStats stats = session.stats();
        ListenerStats figures = listener(stats, "slow");
        System.out.printf("[reliability] after stop: captured %d, slow subscriber delivered %d + dropped %d + "
                + "queued %d = %d%n", stats.captured(), figures.delivered(), figures.dropped(), figures.queued(),
                figures.delivered() + figures.dropped() + figures.queued());
        assertEquals(stats.captured(), figures.delivered() + figures.dropped() + figures.queued(),
                "every frame of the stopped stream is accounted for: " + figures);
        eventually(() -> pipeline.pool.stats().outstanding() == 0);
    }

    private void waitForGate(Frame frame) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
