package io.kapture.engine.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.synthetic.internal.SyntheticSourceProvider;

/**
 * The synthetic provider with every opened source wrapped in a {@link FaultySource}, remembered in opening
 * order, so a test can wedge the current stream of a camera and count how often the engine reopened it.
 * Fault injection of the synthetic camera itself ({@code synthetic.fault.*}) still applies.
 *
 * <p>Thread-safe: the list of sources is copy-on-write.
 */
final class FaultyProvider implements CaptureSourceProvider {

    private final SyntheticSourceProvider real = new SyntheticSourceProvider();
    private final List<Opened> opened = new CopyOnWriteArrayList<>();
    private volatile long wedgeAfter = Long.MAX_VALUE;

    /** Sources opened from now on hand out {@code frames} frames, then none (until unwedged). */
    void wedgeNewSourcesAfter(long frames) {
        wedgeAfter = frames;
    }

    @Override
    public String type() {
        return real.type();
    }

    @Override
    public boolean handles(String device) {
        return real.handles(device);
    }

    @Override
    public List<DeviceInfo> devices() {
        return real.devices();
    }

    @Override
    public CaptureSource open(String device, Map<String, ?> options) {
        FaultySource source = new FaultySource(real.open(device, options));
        source.wedgeAfter(wedgeAfter);
        opened.add(new Opened(device, source));
        return source;
    }

    /** Times {@code device} was opened. */
    long opens(String device) {
        return opened.stream().filter(entry -> entry.device().equals(device)).count();
    }

    /** The source most recently opened for {@code device}. */
    FaultySource latest(String device) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            if (opened.get(i).device().equals(device)) {
                return opened.get(i).source();
            }
        }
        throw new AssertionError("device " + device + " was never opened");
    }

    /** Sources not closed yet, of every device. */
    long openSources() {
        return opened.stream().filter(entry -> !entry.source().isClosed()).count();
    }

    /** Driver buffers held by the engine over every source. */
    long buffersOut() {
        return opened.stream().mapToLong(entry -> entry.source().buffersOut()).sum();
    }

    private record Opened(String device, FaultySource source) {
    }
}
