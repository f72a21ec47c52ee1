package io.kapture.engine.internal.fanout;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.DropPolicy;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;

/**
 * One listener's subscription to one running stream: a bounded queue that the capture thread fills according
 * to the drop policy, and a daemon delivery thread of its own that empties it into the listener. A listener
 * that is slow or throws therefore only ever costs itself.
 *
 * <p>Threading contract: {@link #offer} is called from the capture thread only, which makes it the queue's
 * single producer; this lets it replace the queue (for a new capacity) without locks, because only the producer
 * ever swaps the reference. The delivery thread is the consumer. {@link #requestQueue} and {@link #close} come
 * from the session's control thread, {@link #stats} from anywhere. Every frame handle that enters the queue is
 * released exactly once: by the delivery thread after the listener returns, by the producer when dropping, or by
 * whoever drains a closed subscriber's queue (both {@code close} and a producer that finds the subscriber closed
 * after offering, so that a frame offered while closing is never stranded).
 */
public final class Subscriber {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);

    /** How often an idle delivery thread looks whether the producer has swapped its queue. */
    private static final long QUEUE_RECHECK_MILLIS = 100;

    /** How long closing waits for a listener to return from {@code onFrame}. */
    private static final long JOIN_MILLIS = 2000;

    private final FrameListener listener;
    private final Subscription subscription;
    private final String threadName;
    private final Thread thread;
    private final AtomicReference<QueueSpec> requested = new AtomicReference<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final RateLimitedLog errorLog = new RateLimitedLog(LOG);

    private volatile QueueSpec spec;
    private volatile ArrayBlockingQueue<Frame> queue;
    private volatile boolean closed;

    /** Creates the subscriber; its delivery thread runs once {@link #start} is called. */
    public Subscriber(String camera, FrameListener listener, Subscription subscription, QueueSpec spec) {
        this.listener = listener;
        this.subscription = subscription;
        this.spec = spec;
        this.queue = new ArrayBlockingQueue<>(spec.capacity());
        this.threadName = "kapture-" + camera + "-" + subscription.name();
        this.thread = new Thread(this::deliverLoop, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
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
        QueueSpec next = requested.getAndSet(null);
        if (next != null) {
            apply(next);
        }
        QueueSpec current = spec;
        ArrayBlockingQueue<Frame> target = queue;
        Frame handle = frame.retain(threadName);
        if (current.policy() == DropPolicy.BLOCK) {
            boolean queued = false;
            try {
                queued = target.offer(handle, current.blockTimeoutMs(), TimeUnit.MILLISECONDS);
            } finally {
                if (!queued) {
                    drop(handle);
                }
            }
        } else if (!target.offer(handle)) {
            if (current.policy() == DropPolicy.DROP_OLDEST) {
                Frame oldest = target.poll();
                if (oldest != null) {
                    drop(oldest);
                }
                if (!target.offer(handle)) {
                    drop(handle);
                }
            } else {
                drop(handle);
            }
        }
        if (closed) {
            drain();
        }
    }

    /** Capture thread only: the producer is the one who may replace the queue. */
    private void apply(QueueSpec next) {
        if (next.capacity() != spec.capacity()) {
            ArrayBlockingQueue<Frame> old = queue;
            ArrayBlockingQueue<Frame> fresh = new ArrayBlockingQueue<>(next.capacity());
            Frame moving;
            while ((moving = old.poll()) != null) {
                if (fresh.offer(moving)) {
                    continue;
                }
                if (next.policy() == DropPolicy.DROP_NEWEST) {
                    drop(moving);
                } else {
                    drop(fresh.poll());
                    fresh.offer(moving);
                }
            }
            queue = fresh;
        }
        spec = next;
    }

    private void drop(Frame handle) {
        dropped.incrementAndGet();
        handle.release();
    }

    private void deliverLoop() {
        while (!closed) {
            Frame frame;
            try {
                frame = queue.poll(QUEUE_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (frame != null) {
                deliver(frame);
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
            dropped.incrementAndGet();
            frame.release();
            return;
        }
        try {
            latency.record(System.nanoTime() - receivedNanos);
            delivered.incrementAndGet();
            listener.onFrame(frame);
        } catch (Throwable failure) {
            errors.incrementAndGet();
            errorLog.warn("Listener " + subscription.name() + " (bundle " + subscription.bundle()
                    + ") failed on frame " + sequence + " on thread " + threadName, failure);
        } finally {
            frame.release();
        }
    }

    /**
     * Stops the delivery thread (interrupting a listener that waits) and releases every queued frame. Waits a
     * while for the listener to return; a listener that never does keeps its thread, which ends once it returns.
     */
    public void close() {
        closed = true;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("Listener {} (bundle {}) did not return from onFrame within {} ms of being unsubscribed; "
                        + "its thread {} ends when it does", subscription.name(), subscription.bundle(), JOIN_MILLIS,
                        threadName);
            }
        }
        drain();
    }

    /** Releases every queued frame, counting each as dropped, so that the figures still add up after a stop. */
    private void drain() {
        ArrayBlockingQueue<Frame> current = queue;
        Frame frame;
        while ((frame = current.poll()) != null) {
            drop(frame);
        }
    }

    /** Whether the delivery thread has ended. */
    public boolean isTerminated() {
        return !thread.isAlive();
    }

    public ListenerStats stats() {
        QueueSpec current = spec;
        return new ListenerStats(subscription.name(), subscription.bundle(), subscription.cameraFilter(),
                current.policy(), current.capacity(), queue.size(), delivered.get(), dropped.get(), errors.get(),
                latency.percentile(0.50), latency.percentile(0.99), latency.max());
    }
}
