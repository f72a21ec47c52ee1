package io.kapture.engine.internal.fanout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;

/**
 * The capture thread's half of a subscriber: queues each frame handle in the {@link Handoff}'s ring, or drops a
 * frame as the {@link DropPolicy} says when the ring is full, and resizes the ring when asked.
 *
 * <p>Ownership rule, checkable in this class alone: every handle handed to {@link #offer} is, before it returns,
 * either in a ring or dropped (or, for a listener called on the capture thread, delivered and released by
 * {@link DeliveryLoop#deliver}); every handle this class wins from a ring ({@code takeOldest}, {@code takeAll}) is
 * moved into the new ring or dropped. A ring that the subscriber's shutdown may already have drained (the hand-off
 * was closed) is drained again here after each change, so a frame moved into a fresh ring while a close drained
 * the old one is never stranded: the closer's drain and this one race through {@link FrameRing#take}, and each
 * frame goes to exactly one of them.
 *
 * <p>Threading contract: {@link #offer} runs on the capture thread only, which makes it the ring's single
 * producer and the only thread that replaces the ring, without locks. {@link #requestQueue} and {@link #spec} may
 * be called from any thread.
 */
final class QueuePolicy {

    /** Block timeouts beyond this (about 292 years in nanoseconds would overflow) mean "wait for ever". */
    private static final long LONGEST_BLOCK_MILLIS = TimeUnit.DAYS.toMillis(365L * 100);
    private static final VarHandle OFFERED;

    static {
        try {
            OFFERED = MethodHandles.lookup().findVarHandle(QueuePolicy.class, "offered", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Handoff handoff;
    private final Drops drops;
    private final Runnable deliveryEnded;
    private final AtomicReference<QueueSpec> requested = new AtomicReference<>();
    private volatile QueueSpec spec;
    /**
     * Frames offered, counted when each one's fate is settled — just before it is queued, or as it is dropped —
     * so a frame the capture thread holds while it waits for room is not counted yet. Written by the capture
     * thread only (plain increments published with release), read with acquire.
     */
    private long offered;
    private final Runnable beforeQueued = this::countOffered;

    /** {@code deliveryEnded} is told (possibly often) when offering found the delivery thread gone. */
    QueuePolicy(Handoff handoff, Drops drops, QueueSpec spec, Runnable deliveryEnded) {
        this.handoff = handoff;
        this.drops = drops;
        this.spec = spec;
        this.deliveryEnded = deliveryEnded;
    }

    QueueSpec spec() {
        return spec;
    }

    /** Frames offered so far; each is then delivered, dropped or queued. Any thread. */
    long offered() {
        return (long) OFFERED.getAcquire(this);
    }

    /** Asks for another capacity or policy; applied before the next offer. Any thread. */
    void requestQueue(QueueSpec next) {
        requested.set(next);
    }

    /**
     * Queues {@code handle}, which this class owns from here on even if it throws, or drops a frame.
     *
     * @throws InterruptedException if the capture thread is stopped while blocked under {@link DropPolicy#BLOCK}
     */
    void offer(Frame handle) throws InterruptedException {
        QueueSpec next = requested.getAndSet(null);
        if (next != null) {
            apply(next);
        }
        if (handoff.isClosed()) {
            dropIncoming(handle, DropCause.STOPPED);
            drops.drain(handoff.ring(), DropCause.STOPPED);
            return;
        }
        if (handoff.consumerEnded()) {
            dropForEndedDelivery(handle);
            return;
        }
        if (!handoff.offer(handle, beforeQueued)) {
            offerToFullRing(handle);
        }
        if (handoff.isClosed()) {
            // closed while offering: the closer may have drained before this frame went in
            drops.drain(handoff.ring(), DropCause.STOPPED);
        }
    }

    private void offerToFullRing(Frame handle) throws InterruptedException {
        if (handoff.checkConsumerEnded()) {
            dropForEndedDelivery(handle);
            return;
        }
        QueueSpec current = spec;
        if (current.policy() == DropPolicy.BLOCK) {
            offerWaiting(handle, current.blockTimeoutMs());
        } else if (current.policy() == DropPolicy.DROP_OLDEST) {
            Frame oldest = handoff.takeOldest();
            if (oldest != null) {
                drops.drop(oldest, DropCause.QUEUE_FULL);
            }
            // only this thread adds: after taking one (or finding it emptied meanwhile) there is room
            if (!handoff.offer(handle, beforeQueued)) {
                dropIncoming(handle, DropCause.QUEUE_FULL);
            }
        } else {
            dropIncoming(handle, DropCause.QUEUE_FULL);
        }
    }

    private void offerWaiting(Frame handle, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(timeoutMillis,
                LONGEST_BLOCK_MILLIS));
        boolean queued = false;
        try {
            while (!queued && handoff.awaitRoom(deadline)) {
                queued = handoff.offer(handle, beforeQueued);
            }
        } catch (InterruptedException stopping) {
            dropIncoming(handle, DropCause.STOPPED);
            throw stopping;
        }
        if (queued) {
            return;
        }
        if (handoff.isClosed()) {
            dropIncoming(handle, DropCause.STOPPED);
        } else if (handoff.consumerEnded()) {
            dropForEndedDelivery(handle);
        } else {
            dropIncoming(handle, DropCause.BLOCK_TIMEOUT);
        }
    }

    /**
     * For a listener called on the capture thread: no queue, {@code handle} goes to {@code delivery} at once (which
     * releases it), unless the subscriber is closed, when it is dropped.
     */
    void deliverOnCaptureThread(Frame handle, DeliveryLoop delivery) {
        if (handoff.isClosed()) {
            dropIncoming(handle, DropCause.STOPPED);
            return;
        }
        countOffered();
        delivery.deliver(handle);
    }

    /** Drops the frame being offered, counting it as offered first: each offered frame is counted once. */
    private void dropIncoming(Frame handle, DropCause cause) {
        countOffered();
        drops.drop(handle, cause);
    }

    /** Counts one more offered frame, just before it is queued or dropped; capture thread only. */
    private void countOffered() {
        OFFERED.setRelease(this, offered + 1);
    }

    /** The delivery thread is gone: nothing can be delivered any more, so nothing is kept waiting for it. */
    private void dropForEndedDelivery(Frame handle) {
        dropIncoming(handle, DropCause.DELIVERY_ENDED);
        drops.drain(handoff.ring(), DropCause.DELIVERY_ENDED);
        deliveryEnded.run();
    }

    /**
     * Moves the queued frames into a ring of the new capacity, oldest first, dropping those that no longer fit as
     * the new policy says, then swaps it in. {@link FrameRing#takeAll} claims them in one step, so the delivery
     * thread cannot overtake them, and from then on they are this thread's until they are in the fresh ring.
     */
    private void apply(QueueSpec next) {
        if (next.capacity() != spec.capacity()) {
            FrameRing fresh = new FrameRing(next.capacity());
            for (Frame moving : handoff.ring().takeAll()) {
                if (fresh.offer(moving)) {
                    continue;
                }
                if (next.policy() == DropPolicy.DROP_NEWEST) {
                    drops.drop(moving, DropCause.QUEUE_FULL);
                } else {
                    drops.drop(fresh.take(), DropCause.QUEUE_FULL);
                    fresh.offer(moving);
                }
            }
            handoff.replace(fresh);
        }
        spec = next;
    }
}
