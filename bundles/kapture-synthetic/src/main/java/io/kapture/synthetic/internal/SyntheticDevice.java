package io.kapture.synthetic.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kapture.api.DeviceLostException;
import io.kapture.api.spi.DeviceInfo;

/**
 * What the provider knows of one synthetic device across opens: its controls and whether fault injection has
 * made it "go away" for a while.
 *
 * <p>Thread-safe: the controls are atomic, the absence window is guarded by this object's monitor.
 */
final class SyntheticDevice {
    private final String name;
    private final DeviceControls controls;
    private boolean away;
    private long awaySince;
    private long awayNanos;

    SyntheticDevice(String name) {
        this.name = name;
        this.controls = new DeviceControls(name);
    }

    String name() {
        return name;
    }

    DeviceControls controls() {
        return controls;
    }

    DeviceInfo info() {
        return new DeviceInfo(name, "kapture-synthetic", "Kapture synthetic camera (" + name + ")",
                "platform:synthetic", List.of(), true, List.of("video-capture", "streaming", "test-pattern"));
    }

    /** Fault injection took the device away at {@code now}; it comes back after {@code returnAfterMillis}. */
    synchronized void markLost(long now, long returnAfterMillis) {
        away = true;
        awaySince = now;
        awayNanos = TimeUnit.MILLISECONDS.toNanos(returnAfterMillis);
    }

    /** Whether the device can be opened at {@code now}. */
    synchronized boolean isPresent(long now) {
        if (away && now - awaySince >= awayNanos) {
            away = false;
        }
        return !away;
    }

    /** Throws unless the device can be opened at {@code now}. */
    synchronized void checkPresent(long now) {
        if (!isPresent(now)) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(awayNanos - (now - awaySince));
            throw new DeviceLostException("synthetic device '" + name + "' is gone (fault injection); it returns in "
                    + Math.max(1, leftMillis) + " ms");
        }
    }
}
