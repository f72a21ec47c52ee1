package io.kapture.engine.internal.session;

import io.kapture.api.FrameListener;
import io.kapture.engine.internal.fanout.Subscription;

/**
 * A listener service and what its service properties asked for.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param listener     the service
 * @param subscription its parsed properties
 */
public record ListenerEntry(FrameListener listener, Subscription subscription) {
}
