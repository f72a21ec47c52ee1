package io.kapture.synthetic.internal;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.kapture.api.DeviceLostException;
import io.kapture.api.FrameFlags;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.synthetic.internal.paint.FramePainter;

/**
 * A synthetic camera opened as a {@link CaptureSource}: it behaves like a V4L2 driver (fixed buffer ring,
 * frames due at the negotiated rate, lost frames as sequence gaps) and paints a test pattern that carries each
 * frame's sequence number. Fault injection from the options can make it lose the device, flag corrupted frames
 * or jitter its timing.
 *
 * <p>States: open → configured (negotiated) → streaming → configured (stopped) ... → closed; a lost device stays
 * lost until closed.
 *
 * <p>Threading contract (as {@link CaptureSource}): the life-cycle methods and {@link #dequeue} are called by
 * one thread at a time, which also paints (painting happens in {@code dequeue}, outside the ring's lock);
 * {@link #queue}, {@link #queuedBuffers()} and the controls are safe from any thread.
 */
final class SyntheticSource implements CaptureSource {
    private static final int MAX_BUFFERS = 32;

    private enum Phase {
        OPEN, CONFIGURED, STREAMING, LOST, CLOSED
    }

    private final SyntheticDevice device;
    private final SyntheticOptions options;
    private final LongSupplier clock;
    private final Consumer<SyntheticSource> onClose;
    private final ClockedBufferRing ring;
    private final Object lifecycle = new Object();
    private volatile Phase phase = Phase.OPEN;
    private Negotiation negotiation;
    private volatile FramePainter painter;
    private long paintedVersion;
    private long delivered;

    SyntheticSource(SyntheticDevice device, SyntheticOptions options, LongSupplier clock,
            Consumer<SyntheticSource> onClose) {
        this.device = device;
        this.options = options;
        this.clock = clock;
        this.onClose = onClose;
        this.ring = new ClockedBufferRing(device.name(), clock);
    }

    @Override
    public DeviceInfo info() {
        return device.info();
    }

    @Override
    public List<FormatDescription> formats() {
        return SyntheticFormats.formats();
    }

    @Override
    public Negotiation negotiate(FormatRequest request) {
        synchronized (lifecycle) {
            requireUsable();
            if (phase == Phase.STREAMING) {
                throw new IllegalStateException("synthetic device '" + device.name()
                        + "' is streaming; stop() it before negotiating a new format");
            }
            negotiation = SyntheticFormats.negotiate(device.name(), request);
            phase = Phase.CONFIGURED;
            return negotiation;
        }
    }

    @Override
    public void start(int bufferCount) {
        synchronized (lifecycle) {
            requireUsable();
            if (phase == Phase.STREAMING) {
                throw new IllegalStateException("synthetic device '" + device.name() + "' is already streaming");
            }
            if (phase == Phase.OPEN) {
                throw new IllegalStateException("synthetic device '" + device.name()
                        + "' has no format yet; negotiate() one before start()");
            }
            if (bufferCount < 1 || bufferCount > MAX_BUFFERS) {
                throw new IllegalArgumentException("buffer count must be between 1 and " + MAX_BUFFERS + ", was "
                        + bufferCount);
            }
            DeviceControls.Values values = device.controls().values();
            FramePainter created = FramePainter.of(negotiation.format(), values.pattern(), values.brightness());
            try {
                ring.start(bufferCount, negotiation.format().imageSize(), negotiation.framesPerSecond(),
                        TimeUnit.MILLISECONDS.toNanos(options.jitterMillis()), new SplittableRandom());
            } catch (RuntimeException | Error e) {
                created.close();
                throw e;
            }
            painter = created;
            paintedVersion = values.version();
            delivered = 0;
            phase = Phase.STREAMING;
        }
    }

    @Override
    public DriverBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException {
        Phase now = phase;
        if (now == Phase.LOST) {
            throw lost();
        }
        if (now != Phase.STREAMING) {
            throw new IllegalStateException("synthetic device '" + device.name() + "' is not streaming; start() it"
                    + " before dequeue()");
        }
        if (options.lostAfterFrames() > 0 && delivered >= options.lostAfterFrames()) {
            loseDevice();
            throw lost();
        }
        RingSlot slot = ring.take(unit.toNanos(timeout));
        FramePainter current = painter;
        if (slot == null || current == null) {
            return null;
        }
        try {
            DeviceControls.Values values = device.controls().values();
            if (values.version() != paintedVersion) {
                current.retemplate(values.pattern(), values.brightness());
                paintedVersion = values.version();
            }
            slot.bytesUsed = current.paint(slot.target(), slot.dirty(), slot.sequence);
        } catch (RuntimeException e) {
            if (phase != Phase.STREAMING) {
                return null;
            }
            throw e;
        }
        slot.flags = FrameFlags.TIMESTAMP_MONOTONIC | (corrupted(slot.sequence) ? FrameFlags.ERROR : 0);
        slot.memory().clear();
        delivered++;
        return slot;
    }

    @Override
    public void queue(DriverBuffer buffer) {
        ring.queue(buffer);
    }

    @Override
    public int queuedBuffers() {
        return ring.queuedCount();
    }

    @Override
    public int bufferCount() {
        return ring.bufferCount();
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (phase == Phase.STREAMING) {
                phase = Phase.CONFIGURED;
                release();
            }
        }
    }

    @Override
    public List<ControlInfo> controls() {
        requireOpen();
        return device.controls().list();
    }

    @Override
    public long control(String name) {
        requireOpen();
        return device.controls().get(name);
    }

    @Override
    public void control(String name, long value) {
        requireOpen();
        device.controls().set(name, value);
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (phase == Phase.CLOSED) {
                return;
            }
            try {
                release();
            } finally {
                phase = Phase.CLOSED;
                onClose.accept(this);
            }
        }
    }

    /** Frames lost to empty queues since start; for tests. */
    long lostFrames() {
        return ring.lostFrames();
    }

    String deviceName() {
        return device.name();
    }

    private boolean corrupted(long sequence) {
        int every = options.corruptEvery();
        return every > 0 && (sequence + 1) % every == 0;
    }

    private void loseDevice() {
        synchronized (lifecycle) {
            if (phase == Phase.STREAMING) {
                phase = Phase.LOST;
                release();
                device.markLost(clock.getAsLong(), options.returnAfterMillis());
            }
        }
    }

    private DeviceLostException lost() {
        return new DeviceLostException("synthetic device '" + device.name() + "' lost after "
                + options.lostAfterFrames() + " frames (fault injection)");
    }

    private void release() {
        ring.stop();
        FramePainter old = painter;
        painter = null;
        if (old != null) {
            old.close();
        }
    }

    private void requireUsable() {
        requireOpen();
        if (phase == Phase.LOST) {
            throw lost();
        }
    }

    private void requireOpen() {
        if (phase == Phase.CLOSED) {
            throw new IllegalStateException("synthetic device '" + device.name() + "' was closed; open it again");
        }
    }
}
