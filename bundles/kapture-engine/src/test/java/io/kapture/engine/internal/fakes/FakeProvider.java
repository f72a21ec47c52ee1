package io.kapture.engine.internal.fakes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.kapture.api.DeviceLostException;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeviceInfo;

/**
 * Opens {@link FakeSource}s for device names with its prefix. The device can be unplugged (open sources lose
 * it, opening fails with {@link DeviceLostException}) and plugged back in.
 *
 * <p>Thread-safe.
 */
public final class FakeProvider implements CaptureSourceProvider {

    private final String prefix;
    private final List<FakeSource> opened = new CopyOnWriteArrayList<>();
    private final AtomicInteger openAttempts = new AtomicInteger();
    private volatile boolean present = true;
    private volatile Map<String, ?> lastOptions = Map.of();
    private volatile Runnable onStart = () -> { };
    private final Map<String, String> loopbacks = new ConcurrentHashMap<>();

    public FakeProvider(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String type() {
        return "fake";
    }

    @Override
    public boolean handles(String device) {
        return device.startsWith(prefix);
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of();
    }

    @Override
    public CaptureSource open(String device, Map<String, ?> options) {
        openAttempts.incrementAndGet();
        if (!present) {
            throw new DeviceLostException("no fake device " + device);
        }
        lastOptions = options;
        FakeSource source = new FakeSource(device);
        source.onStart(onStart);
        String hazard = loopbacks.get(device);
        if (hazard != null) {
            source.likeLoopback(hazard);
        }
        opened.add(source);
        return source;
    }

    /** Runs {@code action} in {@code start} of every source opened from now on, just before it streams. */
    public void onStart(Runnable action) {
        this.onStart = action;
    }

    /** Sources opened for {@code device} from now on behave like v4l2loopback ({@link FakeSource#likeLoopback}). */
    public void likeLoopback(String device, String why) {
        loopbacks.put(device, why);
    }

    /** Every open source loses its device, and opening fails, until {@link #plug()}. */
    public void unplug() {
        present = false;
        opened.forEach(FakeSource::lose);
    }

    public void plug() {
        present = true;
    }

    /** Sources opened successfully, oldest first. */
    public List<FakeSource> opened() {
        return List.copyOf(opened);
    }

    /** The source opened last. */
    public FakeSource last() {
        return opened.get(opened.size() - 1);
    }

    public int openAttempts() {
        return openAttempts.get();
    }

    /** The options the last successful open got. */
    public Map<String, ?> lastOptions() {
        return lastOptions;
    }
}
