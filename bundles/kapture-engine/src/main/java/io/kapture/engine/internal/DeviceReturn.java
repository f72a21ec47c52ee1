package io.kapture.engine.internal;

import java.io.IOException;
import java.nio.file.Path;

import io.kapture.api.spi.DeviceArrivalListener;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * One camera's ear for its device coming back: when a provider reports a device under the camera's configured name,
 * one of its stable names, or a name that leads to the same node, the session is asked to retry now (it does so
 * only if it failed). The camera's retry timer stays the fallback for providers that do not watch.
 *
 * <p>Threading contract: called on a provider's watcher thread; only compares names (and, for a configured name
 * that is a link of another kind, resolves both to their real paths) and hands the retry to the session's control
 * thread, so it returns at once.
 */
public final class DeviceReturn implements DeviceArrivalListener {

    private final CaptureSessionImpl session;

    public DeviceReturn(CaptureSessionImpl session) {
        this.session = session;
    }

    @Override
    public void deviceArrived(DeviceInfo device) {
        String wanted = session.device();
        if (wanted != null && !wanted.isEmpty() && names(device, wanted)) {
            session.retryNow();
        }
    }

    private static boolean names(DeviceInfo device, String wanted) {
        if (device.device().equals(wanted) || device.stableNames().contains(wanted)) {
            return true;
        }
        try {
            return Path.of(wanted).toRealPath().equals(Path.of(device.device()).toRealPath());
        } catch (IOException | RuntimeException notALink) {
            return false;
        }
    }
}
