package io.kapture.benchmarks.soak;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.synthetic.SyntheticFrames;

/**
 * A soak subscriber that proves every frame it gets is its camera's own: the frame names the camera it
 * subscribed to, and every {@code checkEvery}-th frame's pixels carry the sequence number its metadata says (the
 * synthetic camera paints it), so a buffer shared across cameras or recycled under a reader would show.
 *
 * <p>Threading contract: {@link #onFrame} runs on the subscriber's one delivery thread per camera (it subscribes
 * to one camera); the counters may be read from any thread.
 */
final class CheckingListener implements FrameListener {

    private final String camera;
    private final int checkEvery;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private volatile String firstMismatch;

    CheckingListener(String camera, int checkEvery) {
        this.camera = camera;
        this.checkEvery = checkEvery;
    }

    @Override
    public void onFrame(Frame frame) {
        long count = frames.incrementAndGet();
        if (!camera.equals(frame.camera())) {
            mismatch("frame of camera " + frame.camera() + " delivered to a subscriber of " + camera);
            return;
        }
        if (count % checkEvery == 0) {
            ByteBuffer data = frame.data();
            long painted = SyntheticFrames.sequenceOf(data, frame.format());
            long expected = frame.sequence() & 0xFFFF_FFFFL;
            if (painted != expected || frame.isReleased()) {
                mismatch("camera " + camera + " frame " + frame.sequence() + " carries the pixels of frame "
                        + painted);
            }
        }
    }

    private void mismatch(String what) {
        if (mismatches.incrementAndGet() == 1) {
            firstMismatch = what;
        }
    }

    long frames() {
        return frames.get();
    }

    long mismatches() {
        return mismatches.get();
    }

    String firstMismatch() {
        return firstMismatch;
    }
}
