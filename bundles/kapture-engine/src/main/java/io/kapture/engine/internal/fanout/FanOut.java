package io.kapture.engine.internal.fanout;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * The subscribers of one running stream, as an array that is replaced, never changed, whenever one comes or
 * goes. The capture thread reads the current array once per frame and walks it with an index: no lock, no
 * iterator, no allocation on the frame path.
 *
 * <p>Threading contract: {@link #publish} runs on the capture thread; {@link #add}, {@link #remove} and
 * {@link #removeAll} on the session's control thread, serialised by a lock of their own so that concurrent
 * changes never lose each other. A subscriber removed while the capture thread still holds the previous array may
 * get one more offer; {@link Subscriber} releases such frames itself.
 */
public final class FanOut {

    private static final Subscriber[] NONE = new Subscriber[0];

    private final Object lock = new Object();
    private volatile Subscriber[] subscribers = NONE;

    /** Offers {@code frame} to every subscriber; the caller keeps (and later releases) its own handle. */
    public void publish(Frame frame) throws InterruptedException {
        Subscriber[] current = subscribers;
        for (int i = 0; i < current.length; i++) {
            current[i].offer(frame);
        }
    }

    /** Adds a subscriber unless its listener already has one. */
    public boolean add(Subscriber subscriber) {
        synchronized (lock) {
            Subscriber[] current = subscribers;
            for (Subscriber existing : current) {
                if (existing.listener() == subscriber.listener()) {
                    return false;
                }
            }
            Subscriber[] next = new Subscriber[current.length + 1];
            System.arraycopy(current, 0, next, 0, current.length);
            next[current.length] = subscriber;
            subscribers = next;
            return true;
        }
    }

    /** Takes the listener's subscriber out of the fan-out and returns it (to be closed), or null. */
    public Subscriber remove(FrameListener listener) {
        synchronized (lock) {
            Subscriber[] current = subscribers;
            for (int i = 0; i < current.length; i++) {
                if (current[i].listener() == listener) {
                    Subscriber[] next = new Subscriber[current.length - 1];
                    System.arraycopy(current, 0, next, 0, i);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    subscribers = next;
                    return current[i];
                }
            }
            return null;
        }
    }

    /** Empties the fan-out and returns what it held (to be closed). */
    public Subscriber[] removeAll() {
        synchronized (lock) {
            Subscriber[] current = subscribers;
            subscribers = NONE;
            return current;
        }
    }

    /** The subscribers now; a snapshot that later changes do not touch. */
    public Subscriber[] snapshot() {
        return subscribers;
    }
}
