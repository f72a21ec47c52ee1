package io.kapture.engine.reliability;

import static io.kapture.engine.reliability.Pipeline.configuration;
import static io.kapture.engine.reliability.Pipeline.eventually;
import static io.kapture.engine.reliability.Pipeline.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * Subscribers that call back into the session from {@code onFrame} on their own delivery thread: one stops the
 * camera, one unsubscribes itself. Neither may deadlock the session (its stop waits for delivery threads) or
 * leave threads or buffers behind, and the other subscriber must keep getting intact frames.
 *
 * <p>Runs on the test thread; the camera runs its own threads.
 */
class ReentrantSubscriberTest {

    private final Pipeline pipeline = new Pipeline();

    @AfterEach
    void tearDown() {
        pipeline.close();
    }

    @Test
    void aSubscriberThatStopsTheCameraFromOnFrame() {
        CaptureSessionImpl session = pipeline.camera();
        AtomicLong calls = new AtomicLong();
        subscribe(session, (FrameListener) frame -> {
            if (calls.incrementAndGet() == 10) {
                session.stop();
            }
        }, "stopper");
        CheckingSubscriber normal = subscribe(session,
                new CheckingSubscriber(Map.of("cam", FrameFormat.of(160, 120, PixelFormat.YUYV))).allowingRestarts(),
                "normal");
        session.configure(configuration("cam", "fps", 200.0));
        session.awaitSettled();
        eventually(() -> session.state() == SessionState.STOPPED && calls.get() >= 10);
        session.start();
        eventually(() -> session.state() == SessionState.RUNNING && normal.frames() > 50);
        session.close();
        eventually(() -> pipeline.pool.stats().outstanding() == 0);
        eventually(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("kapture-cam-") && thread.isAlive()));
        assertEquals(0, normal.bad(), normal.firstBad());
    }

    @Test
    void aSubscriberThatUnsubscribesItselfFromOnFrame() {
        CaptureSessionImpl session = pipeline.camera();
        AtomicLong calls = new AtomicLong();
        FrameListener[] self = new FrameListener[1];
        self[0] = frame -> {
            if (calls.incrementAndGet() == 10) {
                session.removeListener(self[0]);
            }
        };
        subscribe(session, self[0], "quitter");
        CheckingSubscriber normal = subscribe(session,
                new CheckingSubscriber(Map.of("cam", FrameFormat.of(160, 120, PixelFormat.YUYV))), "normal");
        session.configure(configuration("cam", "fps", 200.0));
        session.awaitSettled();
        eventually(() -> calls.get() >= 10 && session.stats().listeners().size() == 1 && normal.frames() > 100);
        assertEquals(10, calls.get(), "no frame after it left");
        eventually(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("kapture-cam-quitter") && thread.isAlive()));
    }
}
