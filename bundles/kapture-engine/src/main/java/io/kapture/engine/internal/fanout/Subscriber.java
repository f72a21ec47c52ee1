package io.kapture.engine.internal.fanout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;

/**
 * One listener's subscription to one running stream: a bounded {@link FrameRing} that the capture thread fills
 * according to the drop policy, and a daemon delivery thread of its own that empties it into the listener, the two
 * meeting in a {@link Handoff}. A listener that is slow, throws, blocks forever or loses its thread therefore only
 * ever costs itself. In steady state nothing is allocated per frame on either side but the listener's handle.
 *
 * <p>Threading contract: {@link #offer} is called from the capture thread only, which makes it the ring's single
 * producer; this lets it replace the ring (for a new capacity) without locks, because only the producer ever
 * swaps it. The delivery thread is the consumer. {@link #requestQueue} and {@link #close} come from the session's
 * control thread (or a listener unsubscribing itself), {@link #stats} from anywhere. Every frame handle that enters
 * the ring is released exactly once, by whoever wins it from the ring (see {@link FrameRing}): the delivery thread
 * after the listener returns, the producer when dropping, or whoever drains a closed subscriber (both
 * {@code close} and a producer that finds the subscriber closed after offering, so that a frame offered while
 * closing is never stranded). Each drop is counted once, with its {@link DropCause}.
 */
public final class Subscriber {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);

    /**
     * How long closing lets a listener finish the frame in hand before interrupting it. An interrupt breaks more
     * than waits: it closes any NIO channel the thread is writing to ({@code ClosedByInterruptException}), which
     * left a recorder's file unfinished. A listener that returns within this time is never interrupted.
     */
    private static final long GRACE_MILLIS = 500;

    /** How long closing then waits, after the interrupt, for a listener to return from {@code onFrame}. */
    private static final long JOIN_MILLIS = 2000;

    /** Block timeouts beyond this (about 292 years in nanoseconds would overflow) mean "wait for ever". */
    private static final long LONGEST_BLOCK_MILLIS = TimeUnit.DAYS.toMillis(365L * 100);

    private static final VarHandle DELIVERED;

    static {
        try {
            DELIVERED = MethodHandles.lookup().findVarHandle(Subscriber.class, "delivered", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FrameListener listener;
    private final Subscription subscription;
    private final String threadName;
    private final Thread thread;
    private final Handoff handoff;
    private final AtomicReference<QueueSpec> requested = new AtomicReference<>();
    private final DropCounts drops = new DropCounts();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicBoolean endReported = new AtomicBoolean();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final RateLimitedLog errorLog = new RateLimitedLog(LOG);

    private volatile QueueSpec spec;
    /** Set by the closing thread when the listener did not return in time; read by tests. */
    private volatile boolean abandoned;
    /** Written by the delivery thread only (plain increments, published opaquely), read by anyone. */
    private long delivered;

    /** Creates the subscriber; its delivery thread runs once {@link #start} is called. */
    public Subscriber(String camera, FrameListener listener, Subscription subscription, QueueSpec spec) {
        this(camera, listener, subscription, spec, Thread::new);
    }

    /** As above, with the delivery thread made by {@code threads} (tests make one that dies). */
    Subscriber(String camera, FrameListener listener, Subscription subscription, QueueSpec spec,
            ThreadFactory threads) {
        this.listener = listener;
        this.subscription = subscription;
        this.spec = spec;
        this.threadName = "kapture-" + camera + "-" + subscription.name();
        this.thread = threads.newThread(this::deliverLoop);
        this.thread.setName(threadName);
        this.thread.setDaemon(true);
        this.handoff = new Handoff(spec.capacity(), thread);
    }

    public void start() {
        thread.start();
    }

    /** The name its handles are retained for: the delivery thread's, which lease warnings show. */
    public String holder() {
        return threadName;
    }

    public FrameListener listener() {
        return listener;
    }

    public Subscription subscription() {
        return subscription;
    }

    /**
     * Asks for a different capacity or policy; the capture thread applies it before its next offer, moving the
     * queued frames over and counting any that no longer fit as dropped.
     */
    public void requestQueue(QueueSpec next) {
        requested.set(next);
    }

    /**
     * Queues a new handle on {@code frame} for the listener, or drops a frame as the policy says. Capture thread
     * only; the caller keeps its own handle.
     *
     * @throws InterruptedException if the capture thread is stopped while blocked under {@link DropPolicy#BLOCK}
     */
    public void offer(Frame frame) throws InterruptedException {
        offerRetained(frame.retain(threadName));
    }

    /**
     * As {@link #offer}, with the listener's handle already retained for {@link #holder()} (the fan-out retains
     * every subscriber's handle in one step); this subscriber owns {@code handle} from here on, even if it throws.
     */
    public void offerRetained(Frame handle) throws InterruptedException {
        if (requested.get() != null) {
            apply(requested.getAndSet(null));
        }
        if (handoff.isClosed()) {
            drop(handle, DropCause.STOPPED);
            return;
        }
        if (handoff.consumerEnded()) {
            deliveryEnded(handle);
            return;
        }
        if (!handoff.offer(handle)) {
            offerToFullRing(handle);
        }
        if (handoff.isClosed()) {
            drain(DropCause.STOPPED);
        }
    }

    private void offerToFullRing(Frame handle) throws InterruptedException {
        if (handoff.checkConsumerEnded()) {
            deliveryEnded(handle);
            return;
        }
        QueueSpec current = spec;
        if (current.policy() == DropPolicy.BLOCK) {
            offerWaiting(handle, current.blockTimeoutMs());
        } else if (current.policy() == DropPolicy.DROP_OLDEST) {
            Frame oldest = handoff.takeOldest();
            if (oldest != null) {
                drop(oldest, DropCause.QUEUE_FULL);
            }
            // only this thread adds: after taking one (or finding it emptied meanwhile) there is room
            if (!handoff.offer(handle)) {
                drop(handle, DropCause.QUEUE_FULL);
            }
        } else {
            drop(handle, DropCause.QUEUE_FULL);
        }
    }

    private void offerWaiting(Frame handle, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(timeoutMillis,
                LONGEST_BLOCK_MILLIS));
        boolean queued = false;
        try {
            while (!queued && handoff.awaitRoom(deadline)) {
                queued = handoff.offer(handle);
            }
        } catch (InterruptedException stopping) {
            drop(handle, DropCause.STOPPED);
            throw stopping;
        }
        if (queued) {
            return;
        }
        if (handoff.isClosed()) {
            drop(handle, DropCause.STOPPED);
        } else if (handoff.consumerEnded()) {
            deliveryEnded(handle);
        } else {
            drop(handle, DropCause.BLOCK_TIMEOUT);
        }
    }

    /** The delivery thread is gone: nothing can be delivered any more, so nothing is kept waiting for it. */
    private void deliveryEnded(Frame handle) {
        drop(handle, DropCause.DELIVERY_ENDED);
        drain(DropCause.DELIVERY_ENDED);
        reportEnd();
    }

    /** Capture thread only: the producer is the one who may replace the ring. */
    private void apply(QueueSpec next) {
        if (next.capacity() != spec.capacity()) {
            FrameRing fresh = new FrameRing(next.capacity());
            for (Frame moving : handoff.ring().takeAll()) {
                if (fresh.offer(moving)) {
                    continue;
                }
                if (next.policy() == DropPolicy.DROP_NEWEST) {
                    drop(moving, DropCause.QUEUE_FULL);
                } else {
                    drop(fresh.take(), DropCause.QUEUE_FULL);
                    fresh.offer(moving);
                }
            }
            handoff.replace(fresh);
        }
        spec = next;
    }

    private void drop(Frame handle, DropCause cause) {
        drops.count(cause);
        handle.release();
    }

    private void deliverLoop() {
        try {
            Frame frame;
            while ((frame = handoff.next()) != null) {
                deliver(frame);
            }
        } finally {
            handoff.consumerEnding();
            if (!handoff.isClosed()) {
                drain(DropCause.DELIVERY_ENDED);
                reportEnd();
            }
        }
    }

    private void deliver(Frame frame) {
        long sequence;
        long receivedNanos;
        try {
            sequence = frame.sequence();
            receivedNanos = frame.receivedNanos();
        } catch (IllegalStateException takenBack) {
            // A zero-copy frame whose lease ran out while it waited in this queue: its buffer is back with the
            // driver, so the listener never sees it; it counts as dropped for this listener.
            drop(frame, DropCause.TAKEN_BACK);
            return;
        }
        try {
            latency.record(System.nanoTime() - receivedNanos);
            DELIVERED.setOpaque(this, delivered + 1);
            listener.onFrame(frame);
        } catch (Throwable failure) {
            errors.incrementAndGet();
            reportFailure(sequence, failure);
        } finally {
            frame.release();
        }
    }

    /** Logs a listener's failure; one whose exception cannot even be printed must not end the delivery thread. */
    private void reportFailure(long sequence, Throwable failure) {
        String what = "Listener " + subscription.name() + " (bundle " + subscription.bundle() + ") failed on frame "
                + sequence + " on thread " + threadName;
        try {
            errorLog.warn(what, failure);
        } catch (RuntimeException unprintable) {
            LOG.warn("{} with a {} that could not be printed", what, failure.getClass().getName());
        }
    }

    /** Says once, loudly, that this listener gets nothing any more although it is still subscribed. */
    private void reportEnd() {
        if (endReported.compareAndSet(false, true)) {
            LOG.error("Listener {} (bundle {}): its delivery thread {} ended unexpectedly; it receives no more frames "
                    + "(each is counted as dropped) until it is subscribed again or its camera restarts",
                    subscription.name(), subscription.bundle(), threadName);
        }
    }

    /**
     * Stops the delivery thread and releases every queued frame. A listener in {@code onFrame} gets
     * {@value #GRACE_MILLIS} ms to return by itself, then an interrupt (for one that waits), then
     * {@value #JOIN_MILLIS} ms more; one that never returns keeps its thread, which ends once it does. A listener
     * unsubscribing itself from {@code onFrame} is neither waited for nor interrupted: it returns by itself.
     */
    public void close() {
        closeAll(new Subscriber[] {this});
    }

    /**
     * Closes several subscribers as {@link #close} closes one, their waits running side by side: stopping a
     * camera whose listeners are stuck takes one grace period and one join time, not one of each per listener.
     */
    public static void closeAll(Subscriber[] subscribers) {
        closeAll(subscribers, GRACE_MILLIS, JOIN_MILLIS);
    }

    /** {@link #closeAll(Subscriber[])} with the two waits given (tests shorten or lengthen them). */
    static void closeAll(Subscriber[] subscribers, long graceMillis, long joinMillis) {
        for (Subscriber subscriber : subscribers) {
            subscriber.handoff.close();
        }
        long graceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.returnsBy(graceEnd)) {
                subscriber.thread.interrupt();
            }
        }
        long joinEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(joinMillis);
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.returnsBy(joinEnd)) {
                subscriber.abandoned = true;
                LOG.warn("Listener {} (bundle {}) did not return from onFrame within {} ms of being unsubscribed; "
                        + "its thread {} ends when it does", subscriber.subscription.name(),
                        subscriber.subscription.bundle(), graceMillis + joinMillis, subscriber.threadName);
            }
            subscriber.drain(DropCause.STOPPED);
            LOG.debug("Listener {} (bundle {}) unsubscribed: delivered {}, dropped {}", subscriber.subscription.name(),
                    subscriber.subscription.bundle(), subscriber.deliveredCount(),
                    subscriber.stats().droppedWithCauses());
        }
    }

    /**
     * Waits until {@code deadlineNanos} ({@link System#nanoTime}) for the delivery thread to end; true if it did
     * (or never started). The delivery thread itself (a listener unsubscribing itself) is not waited for: true.
     */
    private boolean returnsBy(long deadlineNanos) {
        if (Thread.currentThread() == thread) {
            return true;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        try {
            if (millis > 0) {
                thread.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Whether closing gave up waiting for the listener to return (it was stuck in {@code onFrame}). */
    boolean abandoned() {
        return abandoned;
    }

    /** Releases every queued frame, counting each as dropped, so that the figures still add up. */
    private void drain(DropCause cause) {
        FrameRing current = handoff.ring();
        Frame frame;
        while ((frame = current.take()) != null) {
            drop(frame, cause);
        }
    }

    /** Whether the delivery thread has ended. */
    public boolean isTerminated() {
        return !thread.isAlive();
    }

    /** Frames dropped for this listener for {@code cause}. */
    public long dropped(DropCause cause) {
        return drops.get(cause);
    }

    private long deliveredCount() {
        return (long) DELIVERED.getOpaque(this);
    }

    public ListenerStats stats() {
        QueueSpec current = spec;
        // the total from the same reading as the causes, so that it is their sum exactly
        Map<DropCause, Long> byCause = drops.byCause();
        long dropped = byCause.values().stream().mapToLong(Long::longValue).sum();
        return new ListenerStats(subscription.name(), subscription.bundle(), subscription.cameraFilter(),
                current.policy(), current.capacity(), handoff.ring().size(), deliveredCount(), dropped, errors.get(),
                latency.percentile(0.50), latency.percentile(0.99), latency.max(), byCause);
    }
}
