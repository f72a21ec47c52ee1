package io.kapture.engine.reliability;

import static io.kapture.engine.reliability.Pipeline.awaitState;
import static io.kapture.engine.reliability.Pipeline.configuration;
import static io.kapture.engine.reliability.Pipeline.eventually;
import static io.kapture.engine.reliability.Pipeline.listener;
import static io.kapture.engine.reliability.Pipeline.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureStats;
import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * Device faults on the real pipeline: a device lost mid-stream that comes back (the synthetic camera's
 * {@code synthetic.fault.lost.after} and {@code return.after.ms}), frames flagged corrupted
 * ({@code synthetic.fault.corrupt.every}), and a device that stops delivering while staying open (a
 * {@link FaultySource} wedged), which the stall watchdog must notice and cure by restarting the stream. After
 * each, nothing may be left behind: every device closed, every driver and pooled buffer back.
 *
 * <p>Runs on the test thread; the camera runs its own threads.
 */
class DeviceFaultsTest {

    private static final FrameFormat FORMAT = FrameFormat.of(160, 120, PixelFormat.YUYV);

    private final Pipeline pipeline = new Pipeline();

    @AfterEach
    void tearDown() {
        pipeline.close();
    }

    @Test
    void lostDeviceFailsTheCameraWhichResumesWhenTheDeviceReturns() throws InterruptedException {
        CaptureSessionImpl session = pipeline.camera();
        CheckingSubscriber subscriber = subscribe(session, new CheckingSubscriber(Map.of("flaky", FORMAT)).allowingRestarts(),
                "checker",
                FrameListener.DROP_POLICY, "BLOCK");
        session.configure(configuration("flaky", "synthetic.fault.lost.after", 60L,
                "synthetic.fault.return.after.ms", 400L, "delivery", "zerocopy"));
        session.awaitSettled();

        eventually(() -> session.state() == SessionState.FAILED
                && session.lastError().orElse("").contains("lost after 60 frames"));
        String error = session.lastError().orElseThrow();
        awaitState(session, SessionState.RUNNING);
        eventually(() -> subscriber.restartsSeen() >= 3);

        assertTrue(error.contains("synthetic:flaky"), "the error names the device: " + error);
        assertEquals(0, subscriber.bad(), subscriber.firstBad());
        // the third restart is seen at the first frame after the third loss, so three full streams came before it
        assertTrue(subscriber.frames() > 3 * 60, "60 frames before each of three losses: " + subscriber.frames());
        System.out.printf("[reliability] lost device: camera failed with \"%s\", the subscriber saw the stream "
                + "resume %d times, %d frames delivered, restarts %d%n", error, subscriber.restartsSeen(),
                subscriber.frames(), session.stats().restarts());
        assertNothingLeftAfterClose(session);
    }

    @Test
    void corruptedFramesAreDeliveredFlaggedAndCounted() throws InterruptedException {
        pipeline.provider.wedgeNewSourcesAfter(210);
        CaptureSessionImpl session = pipeline.camera();
        FlagChecker subscriber = subscribe(session, new FlagChecker(7), "checker", FrameListener.DROP_POLICY, "BLOCK");
        session.configure(configuration("noisy", "synthetic.fault.corrupt.every", 7));
        session.awaitSettled();

        eventually(() -> subscriber.frames() == 210 && session.stats().captured() == 210);
        CaptureStats stats = session.stats();
        assertEquals(0, subscriber.bad(), subscriber.firstBad());
        assertEquals(0, subscriber.misflagged.get(), "exactly every 7th frame is flagged");
        assertEquals(210 / 7, stats.corrupted(), "corrupted frames are counted");
        assertEquals(stats.corrupted(), subscriber.corrupted(), "and delivered, flagged");
        assertEquals(210, listener(stats, "checker").delivered());
        System.out.printf("[reliability] corrupted frames: %d of %d flagged, counted and delivered%n",
                stats.corrupted(), stats.captured());
        assertNothingLeftAfterClose(session);
    }

    @Test
    void stalledDeviceIsRestartedByTheWatchdog() throws InterruptedException {
        pipeline.provider.wedgeNewSourcesAfter(50);
        CaptureSessionImpl session = pipeline.camera();
        CheckingSubscriber subscriber = subscribe(session, new CheckingSubscriber(Map.of("stuck", FORMAT)).allowingRestarts(),
                "checker", FrameListener.DROP_POLICY, "BLOCK");
        session.configure(configuration("stuck", "stall.timeout.ms", 300L, "delivery", "zerocopy"));
        session.awaitSettled();
        eventually(() -> subscriber.frames() == 50 && session.stats().captured() == 50);
        FaultySource wedged = pipeline.provider.latest("synthetic:stuck");
        pipeline.provider.wedgeNewSourcesAfter(Long.MAX_VALUE);

        eventually(() -> pipeline.provider.opens("synthetic:stuck") == 2 && subscriber.frames() > 200);
        assertTrue(wedged.isClosed(), "the stalled stream's device was closed");
        assertEquals(0, wedged.buffersOut(), "and every one of its buffers came back");
        assertEquals(1, session.stats().restarts(), "the watchdog restarted the stream once");
        assertEquals(SessionState.RUNNING, session.state());
        assertEquals(0, subscriber.bad(), subscriber.firstBad());
        System.out.printf("[reliability] stall: 50 frames, then none; the watchdog restarted the stream "
                + "(restarts %d) and %d frames followed; lastError '%s'%n", session.stats().restarts(),
                subscriber.frames() - 50, session.lastError().orElse(""));
        assertNothingLeftAfterClose(session);
    }

    private void assertNothingLeftAfterClose(CaptureSessionImpl session) throws InterruptedException {
        session.close();
        assertTrue(session.awaitClosed(30_000), "closing ended the control thread");
        assertEquals(0, pipeline.provider.openSources(), "every device is closed");
        assertEquals(0, pipeline.provider.buffersOut(), "every driver buffer came back");
        eventually(() -> pipeline.pool.stats().outstanding() == 0);
    }

    /** Checks that exactly the frames the synthetic camera should flag are flagged. */
    private static final class FlagChecker extends CheckingSubscriber {
        private final int every;
        private final AtomicLong misflagged = new AtomicLong();

        FlagChecker(int every) {
            super(Map.of("noisy", FORMAT));
            this.every = every;
        }

        @Override
        void seen(Frame frame) {
            if (frame.isCorrupted() != ((frame.sequence() + 1) % every == 0)) {
                misflagged.incrementAndGet();
            }
        }
    }
}
