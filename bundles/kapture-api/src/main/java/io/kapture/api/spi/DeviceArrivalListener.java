package io.kapture.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a capture device appears or comes back (a camera plugged in, its driver bound again), so that a camera
 * that lost it can reopen it at once instead of at its next retry. Register one as a service: every capture source
 * provider that watches for devices (the V4L2 provider's hot-plug watcher) calls every registered listener. The
 * engine registers one per camera; a provider that does not watch simply never calls it, and the camera's retry
 * timer remains the fallback.
 *
 * <p>Threading: called on the provider's watcher thread, one call at a time, in the order the changes were seen.
 * Implementations must return quickly and do their work (opening a device) on a thread of their own. Exceptions
 * are logged by the provider and do not stop it.
 *
 * @since 1.1
 */
@ConsumerType
public interface DeviceArrivalListener {

    /**
     * A device appeared, or what is known of a present device changed (its stable names were made after the node
     * itself, for example), which may be what a camera configured with a stable name waits for.
     */
    void deviceArrived(DeviceInfo device);
}
