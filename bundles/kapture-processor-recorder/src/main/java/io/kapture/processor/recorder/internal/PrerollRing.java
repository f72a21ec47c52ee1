package io.kapture.processor.recorder.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last seconds of a camera's encoded frames, kept in memory so that an event clip can begin before its
 * trigger. It always begins at a key frame (a decoder cannot start anywhere else) and goes out a group at a time: a
 * key frame with the frames after it up to the next key frame. A group is pushed out once all of it is older than
 * {@code spanNanos}, so the ring covers at least the span when it can (with H.264, up to a keyframe interval more;
 * with JPEG, where every frame is a key frame, exactly the span), and while the frame data passes
 * {@code maxBytes}. Frames pushed out by the byte bound, not by age, are counted ({@link #droppedForMemory()}):
 * each one makes the pre-roll shorter than configured, which the recorder reports. A frame larger than the whole
 * bound is not kept at all (and counted), nor is a frame that follows no key frame in the ring.
 *
 * <p>Memory: the frames' own bytes (already encoded, so a JPEG of tens of kB per frame, not the raw image) plus a
 * few dozen bytes of bookkeeping each; nothing is copied on the way in or out.
 *
 * <p>Threading contract: not thread-safe; the owning recorder calls it under its lock.
 */
final class PrerollRing {

    private final long spanNanos;
    private final long maxBytes;
    private final ArrayDeque<EncodedFrame> frames = new ArrayDeque<>();
    private long bytes;
    private long droppedForMemory;

    PrerollRing(long spanNanos, long maxBytes) {
        this.spanNanos = spanNanos;
        this.maxBytes = maxBytes;
    }

    /** Keeps {@code frame}, the newest, pushing out groups now older than the span or beyond the byte bound. */
    void add(EncodedFrame frame) {
        if (frame.size() > maxBytes) {
            droppedForMemory++;
            return;
        }
        if (frames.isEmpty() && !frame.keyFrame()) {
            return;
        }
        frames.addLast(frame);
        bytes += frame.size();
        while (frame.timestampNanos() - lastOfFirstGroup().timestampNanos() > spanNanos) {
            dropFirstGroup(false);
        }
        while (bytes > maxBytes) {
            dropFirstGroup(true);
        }
    }

    /** The last frame of the oldest group; the newest frame if the ring is one group. */
    private EncodedFrame lastOfFirstGroup() {
        EncodedFrame last = null;
        for (EncodedFrame held : frames) {
            if (last != null && held.keyFrame()) {
                return last;
            }
            last = held;
        }
        return last;
    }

    /** Pushes out the oldest key frame and the frames up to the next key frame. */
    private void dropFirstGroup(boolean forMemory) {
        do {
            bytes -= frames.pollFirst().size();
            if (forMemory) {
                droppedForMemory++;
            }
        } while (!frames.isEmpty() && !frames.peekFirst().keyFrame());
    }

    /**
     * Takes every frame out, oldest first, starting at the first key frame (a decoder cannot start before one);
     * the ring is empty afterwards.
     */
    List<EncodedFrame> drain() {
        List<EncodedFrame> taken = new ArrayList<>(frames.size());
        for (EncodedFrame frame : frames) {
            if (!taken.isEmpty() || frame.keyFrame()) {
                taken.add(frame);
            }
        }
        frames.clear();
        bytes = 0;
        return taken;
    }

    int frames() {
        return frames.size();
    }

    long bytes() {
        return bytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Capture time from the oldest frame held to the newest. */
    long heldNanos() {
        return frames.isEmpty() ? 0 : frames.peekLast().timestampNanos() - frames.peekFirst().timestampNanos();
    }

    /** Frames pushed out, or never kept, for want of memory since the ring was made. */
    long droppedForMemory() {
        return droppedForMemory;
    }
}
