package io.kapture.shell.internal.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kapture.api.CaptureException;
import io.kapture.api.DeviceLostException;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.FormatDescription;

/**
 * A provider of {@link FakeSource}s for device names starting with a prefix. Records every source it opened so
 * that tests can check each was closed.
 *
 * <p>Threading contract: thread-safe collections; configured by the test before use.
 */
public final class FakeProvider implements CaptureSourceProvider {

    private final String type;
    private final String prefix;
    public final Map<String, FakeSource> sources = new ConcurrentHashMap<>();
    public final List<FakeSource> opened = new CopyOnWriteArrayList<>();
    /** Thrown by open() when set, for busy or lost devices. */
    public volatile CaptureException openFailure;
    /** Thrown by devices() when set. */
    public volatile RuntimeException listFailure;

    public FakeProvider(String type, String prefix) {
        this.type = type;
        this.prefix = prefix;
    }

    /** Adds a device that this provider lists and opens. */
    public FakeSource add(String device, String card) {
        FakeSource source = new FakeSource(new DeviceInfo(device, type + "-driver", card, "platform:" + type,
                List.of(), true, List.of("video-capture", "streaming")));
        sources.put(device, source);
        return source;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean handles(String device) {
        return device.startsWith(prefix);
    }

    @Override
    public List<DeviceInfo> devices() {
        if (listFailure != null) {
            throw listFailure;
        }
        List<DeviceInfo> devices = new ArrayList<>();
        sources.values().forEach(source -> devices.add(source.info()));
        return devices;
    }

    @Override
    public CaptureSource open(String device, Map<String, ?> options) {
        if (openFailure != null) {
            throw openFailure;
        }
        FakeSource source = sources.get(device);
        if (source == null) {
            throw new DeviceLostException("no device " + device);
        }
        source.closed.set(false);
        opened.add(source);
        return source;
    }

    /**
     * Lists a device's formats as the V4L2 provider does: without opening a source, so a device that is busy
     * streaming still answers. {@link #openFailure} is thrown here too, for a provider that cannot list then.
     */
    @Override
    public List<FormatDescription> formats(String device) {
        if (openFailure != null) {
            throw openFailure;
        }
        FakeSource source = sources.get(device);
        if (source == null) {
            throw new DeviceLostException("no device " + device);
        }
        return List.copyOf(source.formats);
    }

    /** Whether every source opened so far was closed again. */
    public boolean allClosed() {
        return opened.stream().allMatch(source -> source.closed.get());
    }
}
