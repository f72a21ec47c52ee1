package io.kapture.engine.internal.fanout;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;

/**
 * Frames for driving a {@link Subscriber} or a {@link FrameRing} directly: every handle made is counted while
 * live, and a second release of one handle is counted as a bug instead of being ignored, so a test can check that
 * each handle was released exactly once. A frame can be taken back, as zero-copy does when a lease runs out.
 *
 * <p>Thread-safe: handles are retained and released from any thread.
 */
final class TrackedFrames {

    private static final FrameFormat FORMAT = FrameFormat.of(2, 2, PixelFormat.YUYV);

    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger doubleReleases = new AtomicInteger();

    /** A new frame with one handle, which the caller owns. */
    Handle frame(long sequence) {
        live.incrementAndGet();
        return new Handle(new Shared(sequence));
    }

    /** Handles made and not yet released. */
    int live() {
        return live.get();
    }

    /** Releases of a handle that was already released: must stay 0. */
    int doubleReleases() {
        return doubleReleases.get();
    }

    private static final class Shared {
        final long sequence;
        final long receivedNanos = System.nanoTime();
        volatile boolean takenBack;

        Shared(long sequence) {
            this.sequence = sequence;
        }
    }

    /** One handle on a frame. */
    final class Handle implements Frame {

        private final Shared shared;
        private final AtomicBoolean released = new AtomicBoolean();

        private Handle(Shared shared) {
            this.shared = shared;
        }

        /** Makes every handle of this frame refuse access, as a zero-copy lease that ran out does. */
        void takeBack() {
            shared.takenBack = true;
        }

        private Shared check() {
            if (released.get() || shared.takenBack) {
                throw new IllegalStateException("frame " + shared.sequence + " released or taken back");
            }
            return shared;
        }

        @Override
        public String camera() {
            check();
            return "cam";
        }

        @Override
        public FrameFormat format() {
            check();
            return FORMAT;
        }

        @Override
        public ByteBuffer data() {
            check();
            return ByteBuffer.allocate(0).asReadOnlyBuffer();
        }

        @Override
        public long sequence() {
            return check().sequence;
        }

        @Override
        public long timestampNanos() {
            return check().receivedNanos;
        }

        @Override
        public long wallClockMillis() {
            check();
            return 0;
        }

        @Override
        public long receivedNanos() {
            return check().receivedNanos;
        }

        @Override
        public int flags() {
            check();
            return 0;
        }

        @Override
        public int bytesUsed() {
            check();
            return 0;
        }

        @Override
        public Frame retain(String holder) {
            if (released.get()) {
                throw new IllegalStateException("retain of a released handle");
            }
            live.incrementAndGet();
            return new Handle(shared);
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                live.decrementAndGet();
            } else {
                doubleReleases.incrementAndGet();
            }
        }

        @Override
        public boolean isReleased() {
            return released.get();
        }
    }
}
