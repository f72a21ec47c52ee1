package io.kapture.synthetic.internal;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import io.kapture.api.spi.DriverBuffer;

/**
 * The driver side of a synthetic source: a fixed ring of buffers moving between queued, done and dequeued, and
 * the clock that fills them. There is no producer thread: whoever touches the ring first "catches up" with the
 * clock, letting every tick that fell due since take the oldest queued buffer or, with none queued, be lost
 * (its sequence number skipped), exactly as a V4L2 driver would have done in real time. Because {@link #queue}
 * catches up before adding its buffer, a buffer can never be filled by a tick that was due before it came back.
 *
 * <p>Buffers are only given sequence numbers and timestamps here; their pixels are painted by the dequeuing
 * thread after {@link #take}, outside the monitor.
 *
 * <p>Thread-safe: this object's monitor guards everything. {@link #take} (one caller at a time, as
 * {@code dequeue} is) waits outside the monitor by parking, registered as the waiter that {@link #queue} and
 * {@link #stop} unpark. Neither the intrinsic lock nor parking allocates, whereas a contended
 * {@code ReentrantLock} and each {@code Condition.awaitNanos} allocate a queue node: at 1000 frames/s that was
 * garbage on every frame.
 */
final class ClockedBufferRing {
    private final String device;
    private final LongSupplier clock;
    private final ArrayDeque<RingSlot> queued = new ArrayDeque<>();
    private final ArrayDeque<RingSlot> done = new ArrayDeque<>();
    private RingSlot[] slots = new RingSlot[0];
    private Object stream;
    private TickSchedule schedule;
    private long nextSequence;
    private long lostFrames;
    private long lastTimestamp;
    /** The thread parked in {@link #take}, if any; set and cleared under the monitor. */
    private Thread waiter;

    ClockedBufferRing(String device, LongSupplier clock) {
        this.device = device;
        this.clock = clock;
    }

    /**
     * Allocates {@code count} buffers of {@code capacity} bytes, all queued, and starts the clock: the first
     * frame is due one period from now.
     */
    void start(int count, int capacity, double fps, long jitterNanos, SplittableRandom random) {
        Object run = new Object();
        RingSlot[] allocated = new RingSlot[count];
        for (int i = 0; i < count; i++) {
            allocated[i] = new RingSlot(this, run, i, capacity);
        }
        synchronized (this) {
            if (stream != null) {
                throw new IllegalStateException("synthetic device '" + device + "' is already streaming");
            }
            slots = allocated;
            stream = run;
            queued.clear();
            done.clear();
            for (RingSlot slot : allocated) {
                queued.add(slot);
            }
            long now = clock.getAsLong();
            schedule = new TickSchedule(now, fps, jitterNanos, random);
            nextSequence = 0;
            lostFrames = 0;
            lastTimestamp = now;
        }
    }

    /**
     * The oldest filled buffer, waiting up to {@code timeoutNanos} for one.
     *
     * @return the buffer, now dequeued; {@code null} on time-out or when streaming stopped meanwhile
     */
    RingSlot take(long timeoutNanos) throws InterruptedException {
        // the time-out runs on real time; the frame schedule on the ring's clock, which tests may fake
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a frame of synthetic device '" + device
                        + "'");
            }
            long wait;
            synchronized (this) {
                waiter = null;
                if (stream == null) {
                    return null;
                }
                long now = clock.getAsLong();
                catchUp(now);
                RingSlot slot = done.poll();
                if (slot != null) {
                    slot.state = RingSlot.State.DEQUEUED;
                    return slot;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                wait = remaining;
                if (!schedule.unthrottled() && !queued.isEmpty()) {
                    wait = Math.min(wait, Math.max(1, schedule.nextDue() - now));
                }
                waiter = Thread.currentThread();
            }
            // a queue or stop between leaving the monitor and parking leaves a permit, so no wake-up is lost
            LockSupport.parkNanos(this, wait);
        }
    }

    /**
     * Gives a dequeued buffer back to be filled.
     *
     * @return false if it was ignored because the ring is not streaming or the buffer is from an earlier run
     * @throws IllegalArgumentException if it is not a buffer of this ring
     * @throws IllegalStateException    if it is not dequeued (already queued, or filled and not yet taken)
     */
    boolean queue(DriverBuffer buffer) {
        Thread wake;
        synchronized (this) {
            if (stream == null) {
                return false;
            }
            if (!(buffer instanceof RingSlot slot) || slot.ring() != this) {
                throw new IllegalArgumentException("buffer " + (buffer == null ? "null" : "with index "
                        + buffer.index()) + " is not one of synthetic device '" + device + "''s buffers; queue only"
                        + " buffers this source dequeued");
            }
            if (slot.stream() != stream) {
                return false;
            }
            if (slot.state != RingSlot.State.DEQUEUED) {
                throw new IllegalStateException("buffer " + slot.index() + " of synthetic device '" + device + "' is "
                        + (slot.state == RingSlot.State.QUEUED ? "already queued" : "filled and not yet dequeued")
                        + "; queue a buffer once per dequeue");
            }
            long now = clock.getAsLong();
            catchUp(now);
            slot.state = RingSlot.State.QUEUED;
            queued.add(slot);
            if (schedule.unthrottled()) {
                catchUp(now);
            }
            wake = waiter;
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
        return true;
    }

    /** Buffers queued now, after catching up with the clock. */
    synchronized int queuedCount() {
        if (stream != null) {
            catchUp(clock.getAsLong());
        }
        return queued.size();
    }

    synchronized int bufferCount() {
        return slots.length;
    }

    /** Frames lost since start because no buffer was queued when they were due. */
    synchronized long lostFrames() {
        if (stream != null) {
            catchUp(clock.getAsLong());
        }
        return lostFrames;
    }

    /** Stops the clock and drops every buffer, wherever it is; wakes a waiting {@link #take}. Idempotent. */
    void stop() {
        Thread wake;
        synchronized (this) {
            stream = null;
            slots = new RingSlot[0];
            queued.clear();
            done.clear();
            schedule = null;
            wake = waiter;
        }
        if (wake != null) {
            LockSupport.unpark(wake);
        }
    }

    /** Lets every tick due by {@code now} happen. Monitor held. */
    private void catchUp(long now) {
        if (schedule.unthrottled()) {
            while (!queued.isEmpty()) {
                lastTimestamp = Math.max(lastTimestamp, now);
                fill(queued.poll(), lastTimestamp);
            }
            return;
        }
        while (schedule.nextDue() <= now) {
            if (queued.isEmpty()) {
                long skipped = schedule.skipCertainlyDue(now);
                if (skipped == 0) {
                    schedule.advance();
                    skipped = 1;
                }
                lostFrames += skipped;
                nextSequence += skipped;
            } else {
                fill(queued.poll(), schedule.nextDue());
                schedule.advance();
            }
        }
    }

    private void fill(RingSlot slot, long timestamp) {
        slot.sequence = nextSequence++;
        slot.timestampNanos = timestamp;
        slot.state = RingSlot.State.DONE;
        done.add(slot);
    }
}
