package io.kapture.synthetic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.DeviceLostException;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeviceInfo;

/**
 * Opens synthetic cameras: device {@code synthetic} and any {@code synthetic:<name>}, each a separate device
 * with its own controls. Every open gets its own source (they may stream at the same time); sources opened on
 * the same device name share its controls, as file descriptors of one V4L2 device do.
 *
 * <p>Thread-safe: device state lives in concurrent maps; every method may be called from any thread. On
 * deactivation every source still open is closed.
 *
 * <p>Its options come with each {@code open} (a camera's configuration); the component reads no configuration of
 * its own and only lists the synthetic keys under {@value SyntheticCameraConfig#PID} for tools.
 */
@Component(service = CaptureSourceProvider.class,
        property = CaptureSourceProvider.TYPE + "=" + SyntheticSourceProvider.TYPE,
        configurationPid = SyntheticCameraConfig.PID, configurationPolicy = ConfigurationPolicy.IGNORE)
@Designate(ocd = SyntheticCameraConfig.class)
public final class SyntheticSourceProvider implements CaptureSourceProvider {
    static final String TYPE = "synthetic";
    static final String DEFAULT_DEVICE = "synthetic";
    static final String DEVICE_PREFIX = "synthetic:";

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticSourceProvider.class);

    private final LongSupplier clock;
    private final ConcurrentMap<String, SyntheticDevice> devices = new ConcurrentHashMap<>();
    private final Set<SyntheticSource> open = ConcurrentHashMap.newKeySet();

    public SyntheticSourceProvider() {
        this(System::nanoTime);
    }

    /** With a clock of monotonic nanoseconds: tests pass a fake one to make frame timing deterministic. */
    SyntheticSourceProvider(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean handles(String device) {
        return device != null && (device.equals(DEFAULT_DEVICE) || device.startsWith(DEVICE_PREFIX));
    }

    /** {@code synthetic}, and every other synthetic device opened so far that is not away (fault injection). */
    @Override
    public List<DeviceInfo> devices() {
        Map<String, DeviceInfo> present = new TreeMap<>();
        present.put(DEFAULT_DEVICE, device(DEFAULT_DEVICE).info());
        long now = clock.getAsLong();
        for (SyntheticDevice device : devices.values()) {
            if (device.isPresent(now)) {
                present.put(device.name(), device.info());
            } else {
                present.remove(device.name());
            }
        }
        return new ArrayList<>(present.values());
    }

    /**
     * Opens a synthetic device. Options {@code synthetic.pattern} (which also sets the device's
     * {@code test_pattern} control) and {@code synthetic.fault.*} configure it; other keys are ignored.
     *
     * @throws DeviceLostException      if the name is not a synthetic device or fault injection took it away
     * @throws IllegalArgumentException if a synthetic option is invalid (the message names it)
     */
    @Override
    public CaptureSource open(String device, Map<String, ?> options) {
        if (!handles(device)) {
            throw new DeviceLostException("no synthetic device '" + device + "'; synthetic device names are '"
                    + DEFAULT_DEVICE + "' or '" + DEVICE_PREFIX + "<anything>'");
        }
        SyntheticOptions parsed = SyntheticOptions.parse(options);
        SyntheticDevice state = device(device);
        state.checkPresent(clock.getAsLong());
        parsed.pattern().ifPresent(pattern -> state.controls().set(DeviceControls.TEST_PATTERN, pattern.ordinal()));
        SyntheticSource source = new SyntheticSource(state, parsed, clock, open::remove);
        open.add(source);
        LOG.debug("opened synthetic device '{}' with {}", device, parsed);
        return source;
    }

    @Deactivate
    void deactivate() {
        for (SyntheticSource source : List.copyOf(open)) {
            LOG.info("closing synthetic device '{}' still open at deactivation", source.deviceName());
            source.close();
        }
    }

    /** Sources opened and not yet closed; for tests. */
    int openSources() {
        return open.size();
    }

    private SyntheticDevice device(String name) {
        return devices.computeIfAbsent(name, SyntheticDevice::new);
    }
}
