package io.kapture.engine.reliability;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.synthetic.SyntheticFrames;

/**
 * A well-behaved subscriber that checks everything it gets: the frame names its camera and has its camera's
 * size, the pixels carry the sequence number the metadata says (the synthetic camera paints it), and sequence
 * numbers only ever go up. Anything else is counted as bad, with the first explanation kept.
 *
 * <p>Threading contract: {@link #onFrame} runs on one delivery thread per subscribed camera; when it is
 * subscribed to several cameras the per-camera order check is kept per camera. Counters are read from any thread.
 */
class CheckingSubscriber implements FrameListener {

    private final Map<String, FrameFormat> formats;
    private final Map<String, AtomicLong> lastSequence = new ConcurrentHashMap<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bad = new AtomicLong();
    private final AtomicLong corrupted = new AtomicLong();
    private final AtomicLong restartsSeen = new AtomicLong();
    private volatile boolean restartsAllowed;
    private volatile String firstBad;

    /** Checks frames of the given cameras, each of the given size. */
    CheckingSubscriber(Map<String, FrameFormat> formats) {
        this.formats = Map.copyOf(formats);
    }

    @Override
    public void onFrame(Frame frame) {
        frames.incrementAndGet();
        String camera = frame.camera();
        FrameFormat expected = formats.get(camera);
        if (expected == null) {
            bad("a frame of camera " + camera + " reached a subscriber of " + formats.keySet());
            return;
        }
        FrameFormat format = frame.format();
        if (format.width() != expected.width() || format.height() != expected.height()
                || frame.bytesUsed() != expected.imageSize()) {
            bad("camera " + camera + " frame " + frame.sequence() + " is " + format + " with " + frame.bytesUsed()
                    + " bytes, expected " + expected);
            return;
        }
        ByteBuffer data = frame.data();
        long painted = SyntheticFrames.sequenceOf(data, format);
        if (painted != (frame.sequence() & 0xFFFF_FFFFL)) {
            bad("camera " + camera + " frame " + frame.sequence() + " carries the pixels of frame " + painted);
        }
        long previous = lastSequence.computeIfAbsent(camera, key -> new AtomicLong(-1)).getAndSet(frame.sequence());
        if (frame.sequence() < previous && restartsAllowed) {
            restartsSeen.incrementAndGet();
        } else if (frame.sequence() <= previous) {
            bad("camera " + camera + " frame " + frame.sequence() + " came after frame " + previous);
        }
        if (frame.isCorrupted()) {
            corrupted.incrementAndGet();
        }
        seen(frame);
    }

    /**
     * Accepts sequence numbers starting again from a lower one, as a restarted stream's do (each restart
     * counted); a repeated sequence number is still bad.
     */
    CheckingSubscriber allowingRestarts() {
        restartsAllowed = true;
        return this;
    }

    /** For subclasses: one more look at a frame that passed the checks. */
    void seen(Frame frame) {
    }

    private void bad(String why) {
        if (bad.incrementAndGet() == 1) {
            firstBad = why;
        }
    }

    long frames() {
        return frames.get();
    }

    long bad() {
        return bad.get();
    }

    /** Times the sequence started again (only with {@link #allowingRestarts()}). */
    long restartsSeen() {
        return restartsSeen.get();
    }

    long corrupted() {
        return corrupted.get();
    }

    String firstBad() {
        return firstBad == null ? "none" : firstBad;
    }
}
