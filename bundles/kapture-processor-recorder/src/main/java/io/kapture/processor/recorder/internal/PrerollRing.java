package io.kapture.processor.recorder.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last seconds of a camera's encoded frames, kept in memory so that an event clip can begin before its
 * trigger. It holds at most {@code spanNanos} of capture time and at most {@code maxBytes} of frame data: a frame
 * that would pass either bound pushes the oldest out. Frames pushed out by the byte bound, not by age, are counted
 * ({@link #droppedForMemory()}): each one makes the pre-roll shorter than configured, which the recorder reports.
 * A frame larger than the whole bound is not kept at all (and counted).
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

    /** Keeps {@code frame}, the newest, pushing out what is now older than the span or beyond the byte bound. */
    void add(EncodedFrame frame) {
        if (frame.size() > maxBytes) {
            droppedForMemory++;
            return;
        }
        frames.addLast(frame);
        bytes += frame.size();
        while (!frames.isEmpty() && frame.timestampNanos() - frames.peekFirst().timestampNanos() > spanNanos) {
            bytes -= frames.pollFirst().size();
        }
        while (bytes > maxBytes) {
            bytes -= frames.pollFirst().size();
            droppedForMemory++;
        }
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
