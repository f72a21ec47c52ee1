package io.kapture.mqtt.internal;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between everything that publishes (capture-side event handlers, timers, command replies) and
 * the one thread that talks to the broker. {@link #offer} never waits: when the queue is over its message count or
 * byte budget, the oldest messages are dropped and counted, so a broker outage costs memory up to the budget and
 * never time on the caller's thread. The connection thread takes messages in order with {@link #next} (several
 * may be in flight), and {@link #remove}s each only once the broker has it, so a message lost with the connection
 * is sent again, in order, after the reconnect. Since overflow only ever drops from the head, a message that is
 * no longer queued had everything before it removed too: what follows it is then the head.
 *
 * <p>Events come before figures: a {@linkplain Outbound#latestOnly latest-only} message (periodic stats) replaces
 * the queued one of its topic, so while the link is slow or down at most one stats message per camera waits, and
 * an event offered after a minute of outage is not behind sixty of them. When the queue is full, the oldest
 * latest-only message goes first, and only without one the oldest message. Neither ever takes a message the
 * connection thread has been given and not yet removed (it may be in flight), so its order stays intact.
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
    /** Messages {@link #next} handed to the connection thread and still queued: perhaps in flight. */
    private final Set<Outbound> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
    private int latestOnlyQueued;
    private long bytes;
    private long dropped;
    private long droppedBytes;
    private long offered;
    private long superseded;

    Outbox(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /**
     * Queues {@code message}, replacing a queued older one of its topic if it is latest-only, and dropping the
     * oldest latest-only message, else the oldest, to stay within the budget (or this one, if alone too big).
     */
    void offer(Outbound message) {
        long size = message.size();
        lock.lock();
        try {
            offered++;
            if (size > maxBytes) {
                count(message);
                return;
            }
            if (message.latestOnly()) {
                Outbound older = oldestLatestOnly(message.topic());
                if (older != null) {
                    take(older);
                    superseded++;
                }
            }
            while (!queue.isEmpty() && (queue.size() >= maxMessages || bytes + size > maxBytes)) {
                Outbound victim = oldestLatestOnly(null);
                if (victim == null) {
                    victim = queue.peekFirst();
                }
                take(victim);
                count(victim);
            }
            queue.addLast(message);
            bytes += size;
            if (message.latestOnly()) {
                latestOnlyQueued++;
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest queued latest-only message (of {@code topic}, unless null) not handed out; null if none. */
    private Outbound oldestLatestOnly(String topic) {
        if (latestOnlyQueued == 0) {
            return null;
        }
        for (Outbound queued : queue) {
            if (queued.latestOnly() && !handedOut.contains(queued)
                    && (topic == null || topic.equals(queued.topic()))) {
                return queued;
            }
        }
        return null;
    }

    /** Takes {@code message} out of the queue, wherever it is; the caller holds the lock. */
    private void take(Outbound message) {
        if (queue.peekFirst() == message ? queue.pollFirst() != null : queue.removeFirstOccurrence(message)) {
            bytes -= message.size();
            handedOut.remove(message);
            if (message.latestOnly()) {
                latestOnlyQueued--;
            }
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

    /**
     * The message queued after {@code after} (the head if {@code after} is null or no longer queued), waiting up
     * to {@code timeoutMillis} for one; null if none came.
     */
    Outbound next(Outbound after, long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (true) {
                Outbound found = following(after);
                if (found != null) {
                    handedOut.add(found);
                }
                if (found != null || nanos <= 0) {
                    return found;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private Outbound following(Outbound after) {
        if (after == null) {
            return queue.peekFirst();
        }
        Iterator<Outbound> messages = queue.iterator();
        while (messages.hasNext()) {
            if (messages.next() == after) {
                return messages.hasNext() ? messages.next() : null;
            }
        }
        return queue.peekFirst();
    }

    /** Takes out a message the broker will never accept, counting it as dropped. */
    void discard(Outbound message) {
        lock.lock();
        try {
            if (queue.contains(message)) {
                take(message);
                count(message);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code message} if it is still the head (overflow may have dropped it meanwhile). */
    void remove(Outbound message) {
        lock.lock();
        try {
            if (queue.peekFirst() == message) {
                take(message);
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
            return new Figures(queue.size(), bytes, offered, dropped, droppedBytes, superseded);
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
     * @param superseded   latest-only messages (stats) replaced by a newer one of their topic before they were sent
     */
    record Figures(int buffered, long bufferedBytes, long offered, long dropped, long droppedBytes,
            long superseded) {
    }
}
