package io.kapture.processor.stats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.testing.TestFrame;

/**
 * Builds a camera's frames with exactly known timing: intervals are added one by one, sequence numbers may skip,
 * and frames arrive 2 ms after capture. The frames are kapture-testing's, 2x2 GREY, with their retains counted in
 * {@link #RETAINS}. Not thread-safe; build on one thread, then hand the list over.
 */
final class CameraFeed {

    /** Time between capture and arrival. */
    static final long LATENCY_NANOS = 2_000_000;

    /** Retain calls on the frames of every feed since the counter was last reset. */
    static final AtomicInteger RETAINS = new AtomicInteger();

    private static final FrameFormat FORMAT = FrameFormat.of(2, 2, PixelFormat.GREY);

    private final String camera;
    private final List<TestFrame> frames = new ArrayList<>();
    private long sequence;
    private long timestamp;

    CameraFeed(String camera, long startNanos) {
        this.camera = camera;
        this.timestamp = startNanos;
        add();
    }

    /** {@code count} frames, each {@code intervalNanos} after the last. */
    CameraFeed regular(int count, long intervalNanos) {
        for (int i = 0; i < count; i++) {
            next(1, intervalNanos);
        }
        return this;
    }

    /** {@code pairs} pairs of frames at {@code firstNanos} and {@code secondNanos} intervals. */
    CameraFeed alternating(int pairs, long firstNanos, long secondNanos) {
        for (int i = 0; i < pairs; i++) {
            next(1, firstNanos);
            next(1, secondNanos);
        }
        return this;
    }

    /** One frame after {@code missing} frames the driver dropped; time runs on at {@code intervalNanos}. */
    CameraFeed gap(int missing, long intervalNanos) {
        next(missing + 1, (missing + 1) * intervalNanos);
        return this;
    }

    /** The stream restarts: sequence numbers begin again at 0 after a pause. */
    CameraFeed restart(long pauseNanos) {
        sequence = -1;
        next(1, pauseNanos);
        return this;
    }

    List<TestFrame> frames() {
        return frames;
    }

    /** When the last frame arrived. */
    long lastReceivedNanos() {
        return timestamp + LATENCY_NANOS;
    }

    private void next(int steps, long elapsedNanos) {
        sequence += steps;
        timestamp += elapsedNanos;
        add();
    }

    private void add() {
        frames.add(TestFrame.builder(FORMAT, new byte[4]).camera(camera).sequence(sequence).timestampNanos(timestamp)
                .receivedNanos(timestamp + LATENCY_NANOS).wallClockMillis(timestamp / 1_000_000)
                .retainCounter(RETAINS).build());
    }
}
