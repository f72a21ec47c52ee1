package io.kapture.mqtt.internal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between everything that publishes (capture-side event handlers, timers, command replies) and
 * the one thread that talks to the broker. {@link #offer} never waits: when the queue is over its message count or
 * byte budget, the oldest messages are dropped and counted, so a broker outage costs memory up to the budget and
 * never time on the caller's thread. The connection thread {@link #peek}s the head, publishes it, and only then
 * {@link #remove}s it, so a message lost with the connection is sent again, in order, after the reconnect.
 *
 * <p>Threading contract: any number of threads may offer; one consumer thread peeks and removes. All state is
 * guarded by one lock that is held only for queue operations.
 */
final class Outbox {

    private final int maxMessages;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Outbound> queue = new ArrayDeque<>();
    private long bytes;
    private long dropped;
    private long droppedBytes;
    private long offered;

    Outbox(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Queues {@code message}, dropping the oldest to stay within the budget (or this one, if alone too big). */
    void offer(Outbound message) {
        long size = message.size();
        lock.lock();
        try {
            offered++;
            if (size > maxBytes) {
                count(message);
                return;
            }
            while (!queue.isEmpty() && (queue.size() >= maxMessages || bytes + size > maxBytes)) {
                Outbound oldest = queue.pollFirst();
                bytes -= oldest.size();
                count(oldest);
            }
            queue.addLast(message);
            bytes += size;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    private void count(Outbound lost) {
        dropped++;
        droppedBytes += lost.size();
    }

    /** The oldest message, waiting up to {@code timeoutMillis} for one; null if none came. */
    Outbound peek(long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (queue.isEmpty() && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            return queue.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code message} if it is still the head (overflow may have dropped it meanwhile). */
    void remove(Outbound message) {
        lock.lock();
        try {
            if (queue.peekFirst() == message) {
                queue.pollFirst();
                bytes -= message.size();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a consumer waiting in {@link #peek} without a message, for example to stop it. */
    void wake() {
        lock.lock();
        try {
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The counters at this moment. */
    Figures figures() {
        lock.lock();
        try {
            return new Figures(queue.size(), bytes, offered, dropped, droppedBytes);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param buffered     messages waiting now
     * @param bufferedBytes their bytes
     * @param offered      messages ever offered
     * @param dropped      messages dropped because the budget was full
     * @param droppedBytes their bytes
     */
    record Figures(int buffered, long bufferedBytes, long offered, long dropped, long droppedBytes) {
    }
}
