package io.kapture.v4l2.hotplug;

import org.osgi.annotation.versioning.ConsumerType;

import io.kapture.api.spi.DeviceInfo;

/**
 * Told when V4L2 nodes appear and disappear. Register one as an OSGi service (the V4L2 provider calls every
 * registered listener) or, on a plain class path, pass it to kapture-v4l2's {@code V4l2DeviceWatcher}.
 *
 * <p>Threading: called on the watcher's single thread, one call at a time, in the order the changes were seen;
 * implementations should return quickly. Exceptions are logged and do not stop the watcher.
 */
@ConsumerType
public interface V4l2DeviceListener {

    /** A node appeared (a camera was plugged in or its driver bound). */
    void deviceAdded(DeviceInfo device);

    /** A node disappeared; {@code device} is what was known of it. */
    void deviceRemoved(DeviceInfo device);

    /** What is known of a present node changed, for example its stable names appeared after the node itself. */
    default void deviceChanged(DeviceInfo device) {
    }
}
