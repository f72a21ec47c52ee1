package io.kapture.engine.internal.fakes;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceLostException;
import io.kapture.api.FrameFlags;
import io.kapture.api.FrameFormat;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;

/**
 * A capture source with V4L2 buffer semantics and frames made on demand: a ring of direct buffers, each of which
 * must be queued to be filled; a frame produced while none is queued is lost and leaves a sequence gap. Every
 * frame carries its sequence number in its first eight bytes. It records what a real driver would complain
 * about: buffers still out at stop, buffers queued twice, queue and control calls after close. Widths are rounded
 * down to a multiple of {@value #WIDTH_STEP}, with an adjustment saying so.
 *
 * <p>Made {@link #likeLoopback like v4l2loopback}, it writes its buffers in turn whether or not they were queued
 * back (a frame a listener holds in the buffer itself is overwritten) and says its buffers cannot be lent.
 *
 * <p>Thread-safe: one lock guards the ring; the engine's thread and the test's thread meet on it.
 */
public final class FakeSource implements CaptureSource {

    /** The one control this device has. */
    public static final String BRIGHTNESS = "brightness";

    /** The device takes widths in multiples of this. */
    public static final int WIDTH_STEP = 8;

    private static final long PRODUCE_WAIT_SECONDS = 10;

    private final String device;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Runnable onStart = () -> { };
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Buffer> empty = new ArrayDeque<>();
    private final ArrayDeque<Buffer> filled = new ArrayDeque<>();
    private final Set<Integer> outstanding = new HashSet<>();
    private final Map<String, Long> controls = new ConcurrentHashMap<>(Map.of(BRIGHTNESS, 0L));
    private final AtomicInteger controlsAfterClose = new AtomicInteger();
    private Buffer[] buffers = new Buffer[0];
    private FrameFormat format;
    private long nextSequence;
    private boolean streaming;
    private boolean closed;
    private boolean lost;
    private boolean corruptNext;
    private int outstandingAtStop;
    private int duplicateQueues;
    private int queuesAfterClose;
    private volatile String lendingHazard;
    private long writes;

    FakeSource(String device) {
        this.device = device;
    }

    @Override
    public DeviceInfo info() {
        return new DeviceInfo(device, "fake", "Fake camera", "test", List.of(), true, List.of("video-capture"));
    }

    /** From now on behaves as v4l2loopback does, and says {@code why} its buffers cannot be lent. */
    public void likeLoopback(String why) {
        lendingHazard = why;
    }

    @Override
    public Optional<String> whyBuffersCannotBeLent() {
        return Optional.ofNullable(lendingHazard);
    }

    @Override
    public List<FormatDescription> formats() {
        return List.of();
    }

    /** Takes widths in multiples of {@value #WIDTH_STEP} only, rounding others down, and says so. */
    @Override
    public Negotiation negotiate(FormatRequest request) {
        int width = Math.max(WIDTH_STEP, request.width() / WIDTH_STEP * WIDTH_STEP);
        format = FrameFormat.of(width, request.height(), request.pixelFormat());
        List<String> adjustments = width == request.width() ? List.of()
                : List.of("width " + request.width() + " rounded to " + width + ", a multiple of " + WIDTH_STEP);
        return new Negotiation(format, request.framesPerSecond(), adjustments);
    }

    /** Runs {@code action} at the beginning of {@link #start}, as a device's STREAMON would be reached. */
    public void onStart(Runnable action) {
        this.onStart = action;
    }

    @Override
    public void start(int bufferCount) {
        onStart.run();
        lock.lock();
        try {
            buffers = new Buffer[bufferCount];
            for (int i = 0; i < bufferCount; i++) {
                buffers[i] = new Buffer(i, ByteBuffer.allocateDirect(Math.max(format.imageSize(), Long.BYTES)));
                empty.add(buffers[i]);
            }
            streaming = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DriverBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long nanos = unit.toNanos(timeout);
            while (filled.isEmpty() && !lost) {
                if (!streaming) {
                    throw new CaptureException("fake device " + device + " is not streaming");
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
            if (lost) {
                throw new DeviceLostException("fake device " + device + " was unplugged");
            }
            Buffer buffer = filled.poll();
            outstanding.add(buffer.index);
            return buffer;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void queue(DriverBuffer buffer) {
        lock.lock();
        try {
            if (closed) {
                queuesAfterClose++;
            } else if (streaming) {
                if (outstanding.remove(buffer.index())) {
                    if (lendingHazard == null) {
                        empty.add((Buffer) buffer);
                    }
                    changed.signalAll();
                } else {
                    duplicateQueues++;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int queuedBuffers() {
        lock.lock();
        try {
            return lendingHazard == null ? empty.size() : buffers.length - outstanding.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int bufferCount() {
        lock.lock();
        try {
            return streaming ? buffers.length : 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            if (streaming) {
                outstandingAtStop += outstanding.size();
                outstanding.clear();
                empty.clear();
                filled.clear();
                streaming = false;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<ControlInfo> controls() {
        checkOpen();
        return List.of(new ControlInfo(BRIGHTNESS, ControlInfo.Type.INTEGER, 0, 255, 1, 0, controls.get(BRIGHTNESS),
                Map.of()));
    }

    @Override
    public long control(String name) {
        checkOpen();
        Long value = controls.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no control '" + name + "'; controls: " + BRIGHTNESS);
        }
        return value;
    }

    @Override
    public void control(String name, long value) {
        checkOpen();
        if (!controls.containsKey(name)) {
            throw new IllegalArgumentException("no control '" + name + "'; controls: " + BRIGHTNESS);
        }
        controls.put(name, value);
    }

    @Override
    public void close() {
        stop();
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    /** Like a closed file descriptor: a control call on a closed device fails, and is counted. */
    private void checkOpen() {
        if (locked(() -> closed)) {
            controlsAfterClose.incrementAndGet();
            throw new CaptureException("fake device " + device + " is closed");
        }
    }

    /** Produces {@code count} frames, each waiting (up to a generous bound) for a queued buffer: no frame lost. */
    public void produce(int count) {
        lock.lock();
        try {
            for (int i = 0; i < count; i++) {
                if (lendingHazard != null) {
                    overwrite();
                    continue;
                }
                while (empty.isEmpty()) {
                    if (!streaming || !changed.await(PRODUCE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new AssertionError("fake device " + device + ": no buffer queued to fill");
                    }
                }
                fill(empty.poll());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while producing", e);
        } finally {
            lock.unlock();
        }
    }

    /** As v4l2loopback's writer: the next buffer in turn, queued or not, to be dequeued again. */
    private void overwrite() {
        Buffer next = buffers[(int) (writes++ % buffers.length)];
        filled.remove(next);
        fill(next);
    }

    /** Lets the driver drop {@code count} frames: their sequence numbers are skipped. */
    public void skip(int count) {
        lock.lock();
        try {
            nextSequence += count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Numbers the next frame {@code sequence}, which may repeat or go below the last one, as a driver with a bug
     * or a restarted counter does; the frames after it count on from there.
     */
    public void numberNext(long sequence) {
        lock.lock();
        try {
            nextSequence = sequence;
        } finally {
            lock.unlock();
        }
    }

    /** Flags the next frame produced as corrupted. */
    public void corruptNext() {
        lock.lock();
        try {
            corruptNext = true;
        } finally {
            lock.unlock();
        }
    }

    private void fill(Buffer buffer) {
        buffer.memory.putLong(0, nextSequence);
        buffer.sequence = nextSequence++;
        buffer.timestampNanos = System.nanoTime();
        buffer.bytesUsed = format.imageSize();
        buffer.flags = FrameFlags.TIMESTAMP_MONOTONIC | (corruptNext ? FrameFlags.ERROR : 0);
        corruptNext = false;
        filled.add(buffer);
        changed.signalAll();
    }

    /** The device goes away: dequeue throws {@link DeviceLostException}. */
    void lose() {
        lock.lock();
        try {
            lost = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        return locked(() -> closed);
    }

    public boolean isStreaming() {
        return locked(() -> streaming);
    }

    /** Buffers still dequeued when the source was stopped, summed over every stop. */
    public int outstandingAtStop() {
        return locked(() -> outstandingAtStop);
    }

    public int duplicateQueues() {
        return locked(() -> duplicateQueues);
    }

    /** Control calls made after the source was closed. */
    public int controlsAfterClose() {
        return controlsAfterClose.get();
    }

    public int queuesAfterClose() {
        return locked(() -> queuesAfterClose);
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code buffer} is a fake device's (not a stand-in of the engine's rehearsal before streaming). */
    public static boolean isDeviceBuffer(DriverBuffer buffer) {
        return buffer instanceof Buffer;
    }

    /** One buffer of the ring; its metadata is written under the source's lock before it is dequeued. */
    private static final class Buffer implements DriverBuffer {
        private final int index;
        private final ByteBuffer memory;
        private long sequence;
        private long timestampNanos;
        private int bytesUsed;
        private int flags;

        Buffer(int index, ByteBuffer memory) {
            this.index = index;
            this.memory = memory;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public ByteBuffer memory() {
            return memory.duplicate().clear();
        }

        @Override
        public int bytesUsed() {
            return bytesUsed;
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
            return flags;
        }
    }
}
