package io.kapture.engine.reliability;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;

/**
 * A real capture source (a synthetic camera) with the faults the synthetic camera cannot inject itself: it can
 * stop handing out frames after a given count, as a wedged USB camera does (the device stays open and streaming,
 * {@code dequeue} just times out), and it counts the driver buffers the engine holds, so tests can prove that
 * every leased buffer comes back.
 *
 * <p>Threading contract: as {@link CaptureSource}; {@link #wedgeAfter}, {@link #unwedge} and the counters may be
 * used from any thread. While wedged, {@code dequeue} waits its whole time-out on a monitor that
 * {@link #unwedge} and {@link #stop} notify, like a driver's poll.
 */
final class FaultySource implements CaptureSource {

    private final CaptureSource real;
    private final AtomicLong dequeued = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final Object wedge = new Object();
    private volatile long frameLimit = Long.MAX_VALUE;
    private volatile boolean closed;

    FaultySource(CaptureSource real) {
        this.real = real;
    }

    /** From now on, hands out frames only until {@code frames} were dequeued in all, then none. */
    void wedgeAfter(long frames) {
        frameLimit = frames;
    }

    /** Hands out frames again. */
    void unwedge() {
        synchronized (wedge) {
            frameLimit = Long.MAX_VALUE;
            wedge.notifyAll();
        }
    }

    /** Frames handed to the engine so far. */
    long dequeuedFrames() {
        return dequeued.get();
    }

    /** Driver buffers the engine holds now: dequeued and not yet queued back. */
    long buffersOut() {
        return dequeued.get() - queued.get();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public DriverBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException {
        if (dequeued.get() >= frameLimit) {
            synchronized (wedge) {
                if (dequeued.get() >= frameLimit && !closed) {
                    TimeUnit.MILLISECONDS.timedWait(wedge, unit.toMillis(timeout));
                }
            }
            return null;
        }
        DriverBuffer buffer = real.dequeue(timeout, unit);
        if (buffer != null) {
            dequeued.incrementAndGet();
        }
        return buffer;
    }

    @Override
    public void queue(DriverBuffer buffer) {
        queued.incrementAndGet();
        real.queue(buffer);
    }

    @Override
    public DeviceInfo info() {
        return real.info();
    }

    @Override
    public List<FormatDescription> formats() {
        return real.formats();
    }

    @Override
    public Negotiation negotiate(FormatRequest request) {
        return real.negotiate(request);
    }

    @Override
    public void start(int bufferCount) {
        real.start(bufferCount);
    }

    @Override
    public int queuedBuffers() {
        return real.queuedBuffers();
    }

    @Override
    public int bufferCount() {
        return real.bufferCount();
    }

    @Override
    public void stop() {
        synchronized (wedge) {
            wedge.notifyAll();
        }
        real.stop();
    }

    @Override
    public List<ControlInfo> controls() {
        return real.controls();
    }

    @Override
    public long control(String name) {
        return real.control(name);
    }

    @Override
    public void control(String name, long value) {
        real.control(name, value);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (wedge) {
            wedge.notifyAll();
        }
        real.close();
    }
}
