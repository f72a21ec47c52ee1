package io.kapture.vivid;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;

/**
 * A frame listener for the engine checks: records the first {@code wanted} frames' sequence numbers, where their
 * data lives and the fewest driver buffers queued at any of them, and checks each frame's content (vivid's colour
 * bars) while the frame is valid, that is during {@link #onFrame}. Later frames are ignored.
 *
 * <p>Threading contract: {@link #onFrame} runs on the engine's delivery thread for this listener, never
 * concurrently with itself; the accessors are for the checking thread after {@link #await} returned true (the
 * latch is the happens-before edge) and are synchronised for reads while frames still arrive.
 */
final class FrameRecorder implements FrameListener {

    private final int wanted;
    private final CountDownLatch done;
    private final List<Long> sequences = new ArrayList<>();
    private final List<Long> addresses = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int directFrames;
    private int fewestQueued = Integer.MAX_VALUE;
    private volatile IntSupplier queuedBuffers = () -> Integer.MAX_VALUE;
    private String camera;
    private FrameFormat format;

    FrameRecorder(int wanted) {
        this.wanted = wanted;
        this.done = new CountDownLatch(wanted);
    }

    /** Where to read how many buffers are queued to the driver; sampled at every frame. */
    void watchQueue(IntSupplier queued) {
        this.queuedBuffers = queued;
    }

    @Override
    public synchronized void onFrame(Frame frame) {
        if (sequences.size() >= wanted) {
            return;
        }
        fewestQueued = Math.min(fewestQueued, queuedBuffers.getAsInt());
        ByteBuffer data = frame.data();
        camera = frame.camera();
        format = frame.format();
        sequences.add(frame.sequence());
        if (data.isDirect()) {
            directFrames++;
            addresses.add(Pointer.nativeValue(Native.getDirectBufferPointer(data)));
        }
        if (problems.size() < 3) {
            if (data.limit() != format.imageSize()) {
                problems.add("frame " + frame.sequence() + ": " + data.limit() + " bytes, expected "
                        + format.imageSize());
            } else {
                List<String> found = ColourBars.problems(data, format.width(), format.height(), format.bytesPerLine());
                if (!found.isEmpty()) {
                    problems.add("frame " + frame.sequence() + " is not the colour bars: " + found.get(0));
                }
            }
        }
        done.countDown();
    }

    /** Waits until {@code wanted} frames arrived; false on time-out. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    synchronized List<Long> sequences() {
        return List.copyOf(sequences);
    }

    /** Native addresses of the direct frames' data, in arrival order. */
    synchronized List<Long> addresses() {
        return List.copyOf(addresses);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized int directFrames() {
        return directFrames;
    }

    /** The fewest buffers seen queued to the driver at any frame: 0 means the driver may have run dry. */
    synchronized int fewestQueued() {
        return fewestQueued;
    }

    synchronized String camera() {
        return camera;
    }

    synchronized FrameFormat format() {
        return format;
    }

    /** Null if the recorded sequence numbers follow one another, else the first gap. */
    synchronized String firstGap() {
        for (int i = 1; i < sequences.size(); i++) {
            if (sequences.get(i) != sequences.get(i - 1) + 1) {
                return "sequence " + sequences.get(i) + " after " + sequences.get(i - 1) + " (frame " + i + ")";
            }
        }
        return null;
    }
}
