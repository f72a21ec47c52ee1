package io.kapture.engine.internal.fanout;

import io.kapture.api.DropPolicy;

/**
 * How one subscriber's queue behaves: its capacity, what happens when it is full and, for
 * {@link DropPolicy#BLOCK}, how long the capture thread may wait for room.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param capacity       frames the queue holds, at least 1
 * @param policy         what to do when it is full
 * @param blockTimeoutMs longest wait for room under {@link DropPolicy#BLOCK}
 */
public record QueueSpec(int capacity, DropPolicy policy, long blockTimeoutMs) {

    public QueueSpec {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + capacity);
        }
        if (policy == null) {
            throw new IllegalArgumentException("drop policy must be set");
        }
    }
}
