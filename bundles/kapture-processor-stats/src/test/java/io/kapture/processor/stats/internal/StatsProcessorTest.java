package io.kapture.processor.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kapture.processor.stats.CameraMetrics;

/** Frame rate, jitter and gaps of synthetic streams with exactly known timing, on one thread. */
class StatsProcessorTest {

    static final long START = 1_000_000_000_000L;
    static final long MS = 1_000_000;
    static final long FRAME_30FPS = 33_333_333;

    private final AtomicLong clock = new AtomicLong();
    private StatsProcessor processor;

    @BeforeEach
    void newProcessor() {
        processor = new StatsProcessor(window(5), clock::get);
        CameraFeed.RETAINS.set(0);
    }

    @Test
    void aPerfectlyRegularStreamHasNoJitter() {
        CameraMetrics metrics = play(new CameraFeed("cam0", START).regular(299, FRAME_30FPS));

        assertEquals(30.0, metrics.fps(), 0.001);
        assertEquals(0.0, metrics.jitterMeanMicros(), 0.001);
        assertEquals(0.0, metrics.jitterMaxMicros(), 0.001);
        assertEquals(300, metrics.frames());
        assertEquals(0, metrics.sequenceGaps());
        assertEquals(0, metrics.gapFrames());
    }

    @Test
    void alternating30And36MsIntervalsJitterBy3Ms() {
        CameraMetrics metrics = play(new CameraFeed("cam0", START).alternating(200, 30 * MS, 36 * MS));

        // The 5 s window holds an odd number of intervals (76 of one, 75 of the other), hence the tolerance.
        assertEquals(1000.0 / 33, metrics.fps(), 0.05);
        assertEquals(3000.0, metrics.jitterMeanMicros(), 1.0);
        assertEquals(3000.0, metrics.jitterMaxMicros(), 25.0);
        assertEquals(401, metrics.frames());
    }

    @Test
    void gapsAreCountedExactlyAndAreNotJitter() {
        CameraFeed feed = new CameraFeed("cam0", START).regular(10, FRAME_30FPS).gap(1, FRAME_30FPS)
                .regular(20, FRAME_30FPS).gap(3, FRAME_30FPS).regular(5, FRAME_30FPS).gap(1, FRAME_30FPS);

        CameraMetrics metrics = play(feed);

        assertEquals(3, metrics.sequenceGaps());
        assertEquals(5, metrics.gapFrames());
        assertEquals(39, metrics.frames());
        assertEquals(0.0, metrics.jitterMaxMicros(), 0.01);
        double seconds = (35 + 5 * 1) * FRAME_30FPS / 1e9 + 3 * FRAME_30FPS / 1e9;
        assertEquals(38 / seconds, metrics.fps(), 0.01, "frames received per second, dropped ones not counted");
    }

    @Test
    void framesLeaveTheWindowAfterItsLength() {
        CameraFeed feed = new CameraFeed("cam0", START).alternating(100, 30 * MS, 36 * MS)
                .regular(160, FRAME_30FPS);

        CameraMetrics metrics = play(feed);

        assertEquals(0.0, metrics.jitterMaxMicros(), 0.001, "the irregular frames are more than 5 s old");
        assertEquals(30.0, metrics.fps(), 0.001);
        assertEquals(361, metrics.frames(), "counts cover everything since the start");
    }

    @Test
    void aShorterWindowTakesEffectOnTheNextSnapshot() {
        CameraFeed feed = new CameraFeed("cam0", START).alternating(60, 30 * MS, 36 * MS).regular(40, FRAME_30FPS);
        play(feed);
        assertTrue(processor.camera("cam0").orElseThrow().jitterMaxMicros() > 1000, "5 s window sees both");

        processor.modified(window(1));

        assertEquals(0.0, processor.camera("cam0").orElseThrow().jitterMaxMicros(), 0.001,
                "the last second was regular");
    }

    @Test
    void aWindowOutsideItsRangeIsRefusedByName() {
        for (int seconds : new int[] { 0, -1, 3601 }) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> new StatsProcessor(window(seconds), clock::get)).getMessage();
            assertTrue(message.contains("window.seconds") && message.contains("1 and 3600"), message);
        }
    }

    @Test
    void aCameraSilentForAWholeWindowShowsNoRate() {
        CameraFeed feed = new CameraFeed("cam0", START).regular(100, FRAME_30FPS);
        play(feed);

        clock.set(feed.lastReceivedNanos() + 5_000 * MS + 1);
        CameraMetrics metrics = processor.camera("cam0").orElseThrow();

        assertEquals(0.0, metrics.fps());
        assertEquals(0.0, metrics.jitterMeanMicros());
        assertEquals(101, metrics.frames());
    }

    @Test
    void aRestartedStreamIsNeitherAGapNorJitter() {
        CameraMetrics metrics = play(new CameraFeed("cam0", START).regular(50, FRAME_30FPS).restart(2_000 * MS)
                .regular(50, FRAME_30FPS));

        assertEquals(0, metrics.sequenceGaps());
        assertEquals(0.0, metrics.jitterMaxMicros(), 0.001);
        assertEquals(30.0, metrics.fps(), 0.001);
        assertEquals(102, metrics.frames());
    }

    /**
     * Faster than the ring holds over the window (100,000 fps, 0.7 s of frames in a 5 s window): memory stays
     * bounded because the oldest frames leave early, here the irregular start, and the figures stay right.
     */
    @Test
    void aVeryFastStreamIsMeasuredOverTheFramesTheRingHolds() {
        CameraFeed feed = new CameraFeed("cam0", START).alternating(1000, 5_000, 15_000)
                .regular(CameraWindow.MAX_CAPACITY, 10_000);

        CameraMetrics metrics = play(feed);

        assertEquals(100_000.0, metrics.fps(), 0.01);
        assertEquals(0.0, metrics.jitterMaxMicros(), 0.001, "the irregular start has left the full ring");
        assertEquals(CameraWindow.MAX_CAPACITY + 2001, metrics.frames());
    }

    @Test
    void camerasAreListedByNameAndUnknownOnesAreEmpty() {
        play(new CameraFeed("zeta", START).regular(3, FRAME_30FPS));
        play(new CameraFeed("alpha", START).regular(4, FRAME_30FPS));

        List<CameraMetrics> cameras = processor.cameras();

        assertEquals(List.of("alpha", "zeta"), cameras.stream().map(CameraMetrics::camera).toList());
        assertEquals(5, cameras.get(0).frames());
        assertTrue(processor.camera("nobody").isEmpty());
    }

    @Test
    void framesAreNeverRetainedAndDeactivationForgetsEverything() {
        play(new CameraFeed("cam0", START).regular(100, FRAME_30FPS));
        assertEquals(0, CameraFeed.RETAINS.get());

        processor.deactivate();

        assertTrue(processor.cameras().isEmpty());
    }

    /** Feeds the frames in order and returns the camera's snapshot as of the last frame's arrival. */
    private CameraMetrics play(CameraFeed feed) {
        feed.frames().forEach(processor::onFrame);
        clock.set(feed.lastReceivedNanos());
        return processor.camera(feed.frames().get(0).camera()).orElseThrow();
    }

    static Config window(int seconds) {
        return new Config() {
            @Override
            public int window_seconds() {
                return seconds;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Config.class;
            }
        };
    }
}
