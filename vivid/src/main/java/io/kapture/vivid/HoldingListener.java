package io.kapture.vivid;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * The hot-plug checks' listener: records every frame's sequence number and keeps (retains) the first {@code hold}
 * frames until the check lets them go, as a consumer still working on zero-copy frames when the camera is pulled
 * out would. After the unplug the check asks which of them the engine took back.
 *
 * <p>Threading contract: {@link #onFrame} runs on the engine's delivery thread for this listener; every method
 * is synchronised, and {@link #awaitFrames} waits on this object's monitor for {@link #onFrame} to notify it.
 */
final class HoldingListener implements FrameListener {

    private final int hold;
    private final List<Frame> held = new ArrayList<>();
    private final List<Long> sequences = new ArrayList<>();
    private long checksum;

    HoldingListener(int hold) {
        this.hold = hold;
    }

    @Override
    public synchronized void onFrame(Frame frame) {
        sequences.add(frame.sequence());
        if (held.size() < hold) {
            held.add(frame.retain("vivid-hotplug-holder"));
        }
        notifyAll();
    }

    /** Waits until {@code total} frames arrived in all, at most {@code timeout}; whether they did. */
    synchronized boolean awaitFrames(int total, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (sequences.size() < total) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized int count() {
        return sequences.size();
    }

    synchronized List<Long> sequences() {
        return List.copyOf(sequences);
    }

    synchronized int heldCount() {
        return held.size();
    }

    /**
     * How many kept frames the engine took back: a zero-copy frame's buffer belongs to the stream, which takes its
     * leases back when it stops. Each taken-back handle must refuse to be read with {@link IllegalStateException}
     * (never hand out memory that is gone); a kept frame still readable is read to its last byte, the bytes' sum
     * kept so the reads are not dropped.
     */
    synchronized int takenBack() {
        int taken = 0;
        long sum = 0;
        for (Frame frame : held) {
            if (frame.isReleased()) {
                try {
                    frame.data();
                    throw new CheckFailure("a taken-back frame handle still gave its data");
                } catch (IllegalStateException refused) {
                    taken++;
                }
            } else {
                ByteBuffer data = frame.data();
                for (int i = data.position(); i < data.limit(); i++) {
                    sum += data.get(i);
                }
            }
        }
        checksum = sum;
        return taken;
    }

    /** Lets every kept frame go; returns how many there were. Idempotent. */
    synchronized int releaseHeld() {
        int count = held.size();
        held.forEach(Frame::release);
        held.clear();
        return count;
    }
}
