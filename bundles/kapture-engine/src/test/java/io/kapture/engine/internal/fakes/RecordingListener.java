package io.kapture.engine.internal.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * A listener that records the sequence numbers it gets and checks each frame's content (its sequence number in
 * the first eight bytes) and camera. Optionally it blocks on its first frame until {@link #open()} (or until
 * interrupted, as an unsubscribe does), keeps a handle on every frame, or throws after recording.
 *
 * <p>Thread-safe: called on its delivery thread, read from the test thread.
 */
public final class RecordingListener implements FrameListener {

    private final List<Long> sequences = new CopyOnWriteArrayList<>();
    private final List<Frame> retained = new CopyOnWriteArrayList<>();
    private final AtomicInteger badFrames = new AtomicInteger();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final String camera;
    private volatile boolean blockFirst;
    private volatile boolean retainAll;
    private volatile boolean throwing;

    public RecordingListener(String camera) {
        this.camera = camera;
    }

    /** Blocks in the first {@code onFrame} until {@link #open()}. */
    public RecordingListener blockingOnFirstFrame() {
        blockFirst = true;
        return this;
    }

    /** Keeps a handle on every frame, never releasing it. */
    public RecordingListener retainingAll() {
        retainAll = true;
        return this;
    }

    /** Throws from every {@code onFrame} after recording the frame. */
    public RecordingListener throwing() {
        throwing = true;
        return this;
    }

    @Override
    public void onFrame(Frame frame) {
        long sequence = frame.sequence();
        if (frame.data().getLong(0) != sequence || !frame.camera().equals(camera)) {
            badFrames.incrementAndGet();
        }
        sequences.add(sequence);
        if (retainAll) {
            retained.add(frame.retain());
        }
        if (blockFirst && sequences.size() == 1) {
            entered.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (throwing) {
            throw new IllegalStateException("listener failing on purpose at frame " + sequence);
        }
    }

    /** Waits until the listener is inside its first, blocked call. */
    public void awaitBlocked() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("listener never got its first frame");
        }
    }

    /** Lets a blocked listener return. */
    public void open() {
        gate.countDown();
    }

    public List<Long> sequences() {
        return new ArrayList<>(sequences);
    }

    public int received() {
        return sequences.size();
    }

    /** Frames whose content or camera did not match their sequence number. */
    public int badFrames() {
        return badFrames.get();
    }

    /** The handles kept by {@link #retainingAll()}. */
    public List<Frame> retained() {
        return new ArrayList<>(retained);
    }
}
