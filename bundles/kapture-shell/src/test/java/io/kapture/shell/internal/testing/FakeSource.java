package io.kapture.shell.internal.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;

/**
 * A device for the listing commands: formats and controls the test sets; controls clamp like a driver. It never
 * streams: the shell never streams from a source it opened.
 *
 * <p>Threading contract: synchronized; used by one command at a time.
 */
public final class FakeSource implements CaptureSource {

    private final DeviceInfo info;
    public final List<FormatDescription> formats = new ArrayList<>();
    private final Map<String, ControlInfo> controls = new LinkedHashMap<>();
    private final Map<String, Long> values = new LinkedHashMap<>();
    public final AtomicBoolean closed = new AtomicBoolean();

    FakeSource(DeviceInfo info) {
        this.info = info;
    }

    /** Adds a control with its current value. */
    public synchronized FakeSource control(ControlInfo control) {
        controls.put(control.name(), control);
        values.put(control.name(), control.value());
        return this;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public List<FormatDescription> formats() {
        return List.copyOf(formats);
    }

    @Override
    public synchronized List<ControlInfo> controls() {
        return controls.values().stream().map(c -> new ControlInfo(c.name(), c.type(), c.minimum(), c.maximum(),
                c.step(), c.defaultValue(), values.get(c.name()), c.menu())).toList();
    }

    @Override
    public synchronized long control(String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no control " + name);
        }
        return value;
    }

    @Override
    public synchronized void control(String name, long value) {
        ControlInfo control = controls.get(name);
        if (control == null) {
            throw new IllegalArgumentException("no control " + name);
        }
        values.put(name, Math.max(control.minimum(), Math.min(control.maximum(), value)));
    }

    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public Negotiation negotiate(FormatRequest request) {
        throw new UnsupportedOperationException("the shell never negotiates");
    }

    @Override
    public void start(int bufferCount) {
        throw new UnsupportedOperationException("the shell never streams");
    }

    @Override
    public DriverBuffer dequeue(long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException("the shell never streams");
    }

    @Override
    public void queue(DriverBuffer buffer) {
        throw new UnsupportedOperationException("the shell never streams");
    }

    @Override
    public int queuedBuffers() {
        return 0;
    }

    @Override
    public int bufferCount() {
        return 0;
    }

    @Override
    public void stop() {
    }
}
