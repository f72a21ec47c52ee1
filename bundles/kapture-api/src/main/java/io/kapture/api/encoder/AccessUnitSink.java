package io.kapture.api.encoder;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives what an encoder produces. Called on the thread that called {@link VideoEncoder#encode}, or on the
 * encoder's own thread for an encoder that works asynchronously, never concurrently for one encoder; it must return
 * quickly (hand the unit to queues, do not write to sockets here).
 */
@ConsumerType
@FunctionalInterface
public interface AccessUnitSink {

    /** One encoded picture, in decoding order. */
    void accept(AccessUnit unit);
}
