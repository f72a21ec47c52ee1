package io.kapture.engine.internal.session;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;

/**
 * The stand-in source of a {@link Rehearsal}: two small direct buffers handed out in turn as filled frames, as
 * many as asked, each dequeue waiting until the delivery strategy queued one back (a zero-copy frame comes back
 * when its last handle is released). After the last frame, or at the deadline, it tells the rehearsal's loop to
 * stop. It is never negotiated, started or stopped.
 *
 * <p>Threading contract as {@link CaptureSource}: {@link #dequeue} on the rehearsal's loop thread; {@link #queue}
 * and the queries from any thread; the queue of free buffers is guarded by this object's monitor.
 */
final class RehearsalSource implements CaptureSource {

    private static final int BUFFERS = 2;

    private final Buffer[] buffers = new Buffer[BUFFERS];
    private final ArrayDeque<Buffer> free = new ArrayDeque<>(BUFFERS);
    private final int frames;
    private final long deadlineNanos;
    private int dequeued;
    private Runnable whenDone = () -> { };

    RehearsalSource(int frames, int frameBytes, long deadlineNanos) {
        this.frames = frames;
        this.deadlineNanos = deadlineNanos;
        for (int i = 0; i < BUFFERS; i++) {
            buffers[i] = new Buffer(i, ByteBuffer.allocateDirect(frameBytes));
            free.add(buffers[i]);
        }
    }

    /** Called once the last frame was dequeued or the deadline passed. */
    void whenDone(Runnable action) {
        this.whenDone = action;
    }

    @Override
    public DriverBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException {
        long now = System.nanoTime();
        if (dequeued >= frames || now - deadlineNanos > 0) {
            whenDone.run();
            return null;
        }
        long until = now + Math.min(unit.toNanos(timeout), deadlineNanos - now);
        Buffer buffer;
        synchronized (this) {
            while (free.isEmpty()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            buffer = free.poll();
        }
        buffer.fill(dequeued++);
        return buffer;
    }

    @Override
    public synchronized void queue(DriverBuffer buffer) {
        if (buffer instanceof Buffer mine && buffers[mine.index] == mine && !free.contains(mine)) {
            free.add(mine);
            notifyAll();
        }
    }

    @Override
    public synchronized int queuedBuffers() {
        return free.size();
    }

    @Override
    public int bufferCount() {
        return BUFFERS;
    }

    @Override
    public DeviceInfo info() {
        return new DeviceInfo("rehearsal", "rehearsal", "rehearsal", "rehearsal", List.of(), true, List.of());
    }

    @Override
    public List<FormatDescription> formats() {
        return List.of();
    }

    @Override
    public Negotiation negotiate(FormatRequest request) {
        throw new UnsupportedOperationException("a rehearsal source is not negotiated");
    }

    @Override
    public void start(int bufferCount) {
        throw new UnsupportedOperationException("a rehearsal source is not started");
    }

    @Override
    public void stop() {
    }

    @Override
    public List<ControlInfo> controls() {
        return List.of();
    }

    @Override
    public long control(String name) {
        throw new IllegalArgumentException("a rehearsal source has no controls");
    }

    @Override
    public void control(String name, long value) {
        throw new IllegalArgumentException("a rehearsal source has no controls");
    }

    @Override
    public void close() {
    }

    /** One stand-in buffer: its whole memory is the frame. */
    private static final class Buffer implements DriverBuffer {
        private final int index;
        private final ByteBuffer memory;
        private volatile long sequence;
        private volatile long timestampNanos;

        Buffer(int index, ByteBuffer memory) {
            this.index = index;
            this.memory = memory;
        }

        void fill(long number) {
            sequence = number;
            timestampNanos = System.nanoTime();
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public ByteBuffer memory() {
            return memory;
        }

        @Override
        public int bytesUsed() {
            return memory.capacity();
        }

        @Override
        public long sequence() {
            return sequence;
        }

        @Override
        public long timestampNanos() {
            return timestampNanos;
        }

        @Override
        public int flags() {
            return 0;
        }
    }
}
