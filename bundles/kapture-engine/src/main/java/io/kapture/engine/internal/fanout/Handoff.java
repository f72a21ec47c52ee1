package io.kapture.engine.internal.fanout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import io.kapture.api.Frame;

/**
 * The meeting point of a subscriber's producer (the capture thread) and its consumer (the delivery thread): the
 * current {@link FrameRing}, and who of the two is asleep. A thread that finds nothing to do may yield its core a
 * few times (the producer {@link #YIELDS}, the consumer as its {@link YieldPolicy} says), then raises its "parked"
 * flag, looks once more and parks. The other side, after changing the ring, reads that flag and pays for an
 * unpark only when it is raised, so a consumer that keeps up costs the capture thread a volatile store and a read
 * per frame, not a system call. An idle consumer parks
 * without a timeout: it burns no CPU and is woken by the next frame, a ring replacement or {@link #close}.
 *
 * <p>Why no wake-up is lost: each side stores its flag (volatile) and then reads the other side's state
 * (volatile), while the other side stores its state and then reads the flag; with volatile accesses at least one
 * of the two sees the other's store, so either the sleeper sees the change and does not park, or the changer sees
 * the flag and unparks (an unpark before the park makes the park return at once). Clearing a flag takes a CAS,
 * so two wakers never race a later flag away.
 *
 * <p>Threading contract: {@link #offer}, {@link #replace}, {@link #awaitRoom} and {@link #takeOldest} belong to
 * the single producer; {@link #next} to the delivery thread (the one given at construction); {@link #close},
 * {@link #consumerEnding} (the delivery thread, as it ends) and the queries to any thread.
 */
final class Handoff {

    /**
     * Times the producer, finding the ring full, yields its core before it parks. With more runnable threads than
     * cores (a camera with eight listeners on two cores) a yield hands the core to a thread that has work, and
     * when the yielder runs again there is frequently room: no futex wait for it, no futex wake for the other
     * side. Spinning with {@link Thread#onSpinWait} instead holds on to the core the consumer needs, and measured
     * worse than parking at once. The consumer's yields adapt ({@link YieldPolicy}).
     */
    static final int YIELDS = YieldPolicy.YIELDS;

    private static final VarHandle CONSUMER_PARKED;
    private static final VarHandle PRODUCER_PARKED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CONSUMER_PARKED = lookup.findVarHandle(Handoff.class, "consumerParked", boolean.class);
            PRODUCER_PARKED = lookup.findVarHandle(Handoff.class, "producerParked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread consumer;

    private volatile FrameRing ring;
    private volatile boolean closed;
    private volatile boolean consumerEnded;
    private volatile boolean consumerParked;
    private volatile boolean producerParked;
    private volatile Thread producer;
    /** Consumer only: how long it yields before parking. */
    private final YieldPolicy consumerYields = new YieldPolicy();

    Handoff(int capacity, Thread consumer) {
        this.ring = new FrameRing(capacity);
        this.consumer = consumer;
    }

    FrameRing ring() {
        return ring;
    }

    /**
     * Producer: queues {@code handle} if there is room, calling {@code beforeQueued} just before the consumer can
     * see it (so that whatever it counts is counted before the frame can be delivered), and wakes the consumer if it
     * sleeps; false (nothing done, nothing called) when full.
     */
    boolean offer(Frame handle, Runnable beforeQueued) {
        FrameRing current = ring;
        if (!current.hasRoom()) {
            return false;
        }
        beforeQueued.run();
        current.put(handle);
        wakeConsumer();
        return true;
    }

    /** Producer: takes the oldest queued handle (to drop it), or null when the consumer took everything. */
    Frame takeOldest() {
        return ring.take();
    }

    /** Producer: makes {@code fresh} the ring, after moving the queued frames into it. */
    void replace(FrameRing fresh) {
        ring = fresh;
        wakeConsumer();
    }

    /**
     * Producer: waits until the ring has room; false when {@code deadlineNanos} ({@link System#nanoTime}) passes,
     * the hand-off closes or the consumer ends first. A consumer that ends wakes the producer from its
     * {@code finally}; one that died before it ever ran is seen by its thread's state before the producer parks.
     *
     * @throws InterruptedException if the producer is interrupted while waiting (its stream is stopping)
     */
    boolean awaitRoom(long deadlineNanos) throws InterruptedException {
        FrameRing current = ring;
        int yields = 0;
        while (true) {
            if (!current.isFull()) {
                return true;
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (closed || remaining <= 0 || checkConsumerEnded()) {
                return false;
            }
            if (yields < YIELDS) {
                yields++;
                Thread.yield();
                continue;
            }
            producer = Thread.currentThread();
            producerParked = true;
            if (current.isFull() && !closed) {
                LockSupport.parkNanos(this, remaining);
            }
            producerParked = false;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /**
     * Delivery thread: the next frame, which the caller now owns, waiting as long as it takes; null once the
     * hand-off is closed. An interrupt (from {@link #close}, or a listener interrupting its own thread) is
     * cleared: it must not turn the next park into a busy loop.
     */
    Frame next() {
        int yields = 0;
        while (!closed) {
            FrameRing current = ring;
            Frame frame = current.take();
            if (frame != null) {
                consumerYields.found(yields);
                wakeProducer();
                return frame;
            }
            if (yields < consumerYields.yields()) {
                yields++;
                Thread.yield();
                continue;
            }
            consumerParked = true;
            if (current == ring && current.isEmpty() && !closed) {
                LockSupport.park(this);
                Thread.interrupted();
            }
            consumerParked = false;
            consumerYields.parked(yields);
            yields = 0;
        }
        return null;
    }

    /** Any thread: no more frames go through; wakes both sides so that neither sleeps on a closed hand-off. */
    void close() {
        closed = true;
        wakeConsumer();
        wakeProducer();
    }

    boolean isClosed() {
        return closed;
    }

    /** The delivery thread ends (normally or not): a producer waiting for room must not wait for it. */
    void consumerEnding() {
        consumerEnded = true;
        wakeProducer();
    }

    /** Whether the delivery thread has said it ended, or was found dead by {@link #checkConsumerEnded()}; cheap. */
    boolean consumerEnded() {
        return consumerEnded;
    }

    /**
     * Whether the delivery thread has ended, also when it died before it could say so (it never ran); looks at
     * the thread's state, so it is kept off the per-frame path (the producer asks when the ring is full).
     */
    boolean checkConsumerEnded() {
        if (!consumerEnded && consumer.getState() == Thread.State.TERMINATED) {
            consumerEnded = true;
        }
        return consumerEnded;
    }

    private void wakeConsumer() {
        if (consumerParked && CONSUMER_PARKED.compareAndSet(this, true, false)) {
            LockSupport.unpark(consumer);
        }
    }

    private void wakeProducer() {
        if (producerParked && PRODUCER_PARKED.compareAndSet(this, true, false)) {
            LockSupport.unpark(producer);
        }
    }
}
