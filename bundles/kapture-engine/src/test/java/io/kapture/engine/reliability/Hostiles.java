package io.kapture.engine.reliability;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.synthetic.SyntheticFrames;

/**
 * Subscribers that break the {@link FrameListener} contract on purpose, each in one way, to prove the camera
 * and its well-behaved subscribers do not notice. Each counts what it did and what the frame did back.
 *
 * <p>Threading contract: {@code onFrame} runs on the subscriber's delivery thread; counters and the release
 * methods are used from the test thread.
 */
final class Hostiles {

    private Hostiles() {
    }

    /** Never returns from its first {@code onFrame}, ignoring interrupts, until {@link #free()}. */
    static final class BlocksForever implements FrameListener {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch freed = new CountDownLatch(1);
        private final AtomicLong interruptsIgnored = new AtomicLong();

        @Override
        public void onFrame(Frame frame) {
            entered.countDown();
            while (freed.getCount() > 0) {
                try {
                    freed.await();
                } catch (InterruptedException e) {
                    interruptsIgnored.incrementAndGet();
                }
            }
        }

        boolean entered() {
            return entered.getCount() == 0;
        }

        long interruptsIgnored() {
            return interruptsIgnored.get();
        }

        void free() {
            freed.countDown();
        }
    }

    /** Throws from every {@code onFrame}. */
    static final class ThrowsAlways implements FrameListener {
        private final AtomicLong calls = new AtomicLong();

        @Override
        public void onFrame(Frame frame) {
            calls.incrementAndGet();
            throw new IllegalStateException("hostile subscriber throws on frame " + frame.sequence());
        }

        long calls() {
            return calls.get();
        }
    }

    /** Retains every frame and never releases a handle, until {@link #releaseAll()}. */
    static final class NeverReleases implements FrameListener {
        private final List<Frame> kept = new CopyOnWriteArrayList<>();

        @Override
        public void onFrame(Frame frame) {
            kept.add(frame.retain("never-releases"));
        }

        long kept() {
            return kept.size();
        }

        /** Handles it keeps that nobody has taken back yet. */
        long stillLive() {
            return kept.stream().filter(frame -> !frame.isReleased()).count();
        }

        void releaseAll() {
            kept.forEach(Frame::release);
        }
    }

    /**
     * Releases everything twice: a handle of its own, and the handle Kapture gave it (which Kapture releases
     * once more after the call). Then reads the released handle, which must throw.
     */
    static final class ReleasesTwice implements FrameListener {
        private final AtomicLong attempts = new AtomicLong();
        private final AtomicLong raised = new AtomicLong();

        @Override
        public void onFrame(Frame frame) {
            Frame own = frame.retain("releases-twice");
            own.release();
            own.release();
            frame.release();
            frame.release();
            attempts.incrementAndGet();
            try {
                frame.data();
            } catch (IllegalStateException expected) {
                raised.incrementAndGet();
            }
        }

        long attempts() {
            return attempts.get();
        }

        long raised() {
            return raised.get();
        }
    }

    /**
     * Keeps the {@link ByteBuffer} of a frame after releasing the frame, and on the next frame reads both the
     * stale buffer and the released handle. The handle must throw; the buffer cannot, so the subscriber counts
     * how often its memory already held another frame (what such a bug costs its author, and only its author).
     */
    static final class KeepsBufferAfterRelease implements FrameListener {
        private final AtomicLong attempts = new AtomicLong();
        private final AtomicLong raised = new AtomicLong();
        private final AtomicLong staleOverwritten = new AtomicLong();
        private Frame released;
        private ByteBuffer staleData;
        private FrameFormat staleFormat;
        private long staleSequence;

        @Override
        public void onFrame(Frame frame) {
            if (released != null) {
                attempts.incrementAndGet();
                try {
                    released.sequence();
                } catch (IllegalStateException expected) {
                    raised.incrementAndGet();
                }
                if (!stillShows(staleData, staleFormat, staleSequence)) {
                    staleOverwritten.incrementAndGet();
                }
            }
            Frame own = frame.retain("keeps-buffer");
            staleData = own.data();
            staleFormat = own.format();
            staleSequence = own.sequence();
            own.release();
            released = own;
        }

        /** Whether the pixels still carry {@code sequence}; half-painted pixels carry no valid code at all. */
        private static boolean stillShows(ByteBuffer data, FrameFormat format, long sequence) {
            try {
                return SyntheticFrames.sequenceOf(data, format) == (sequence & 0xFFFF_FFFFL);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        long attempts() {
            return attempts.get();
        }

        long raised() {
            return raised.get();
        }

        long staleOverwritten() {
            return staleOverwritten.get();
        }
    }
}
