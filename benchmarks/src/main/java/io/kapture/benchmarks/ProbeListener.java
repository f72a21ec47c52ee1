package io.kapture.benchmarks;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * A listener that measures: on entry it takes {@link System#nanoTime()} and, while recording, stores three
 * latencies per frame into arrays sized up front (so recording allocates nothing): capture timestamp to listener
 * entry, capture timestamp to the moment Kapture took the frame from the driver, and that moment to listener
 * entry. It can also read the frame's first and last byte through {@link Frame#data()}, as a real listener reads
 * the image, so that allocation figures include the view the API hands out.
 *
 * <p>Threading contract: {@link #onFrame} runs on the listener's one delivery thread, the only writer of the
 * arrays and counters; {@link #startRecording} and {@link #stopRecording} are called by the controlling thread,
 * which reads the results only after {@code stopRecording} (the volatile flag orders the hand-over; a frame in
 * flight at that moment may still be written, which the count read afterwards covers).
 */
final class ProbeListener implements FrameListener {

    private final boolean readData;
    private final long[] total;
    private final long[] toDequeue;
    private final long[] toListener;
    private volatile boolean recording;
    private volatile int recorded;
    private volatile long frames;
    private long checksum;

    /**
     * @param capacity most frames one recording keeps; later ones are counted but not stored
     * @param readData whether to read each frame's first and last byte through a data view
     */
    ProbeListener(int capacity, boolean readData) {
        this.readData = readData;
        this.total = new long[capacity];
        this.toDequeue = new long[capacity];
        this.toListener = new long[capacity];
    }

    @Override
    public void onFrame(Frame frame) {
        long entered = System.nanoTime();
        if (recording) {
            int index = recorded;
            if (index < total.length) {
                long captured = frame.timestampNanos();
                long received = frame.receivedNanos();
                total[index] = entered - captured;
                toDequeue[index] = received - captured;
                toListener[index] = entered - received;
                recorded = index + 1;
            }
        }
        if (readData) {
            ByteBuffer data = frame.data();
            checksum += data.get(0) + data.get(data.limit() - 1);
        }
        frames = frames + 1;
    }

    /** Forgets what was recorded and records from the next frame on. */
    void startRecording() {
        recorded = 0;
        recording = true;
    }

    void stopRecording() {
        recording = false;
    }

    /** Frames seen since the start, recorded or not. */
    long frames() {
        return frames;
    }

    /** Frames recorded in the last recording. */
    int recorded() {
        return Math.min(recorded, total.length);
    }

    /** Capture timestamp to listener entry, ns, of the recorded frames. */
    long[] total() {
        return Arrays.copyOf(total, recorded());
    }

    /** Capture timestamp to dequeue (the source's wake-up, painting and wrapping), ns. */
    long[] toDequeue() {
        return Arrays.copyOf(toDequeue, recorded());
    }

    /** Dequeue to listener entry (the hand-over through the engine's queue and thread), ns. */
    long[] toListener() {
        return Arrays.copyOf(toListener, recorded());
    }

    /** Keeps the read bytes observable so the reads are not optimised away. */
    long checksum() {
        return checksum;
    }
}
