package io.kapture.engine.internal.fanout;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * The subscribers of one running stream, as an array that is replaced, never changed, whenever one comes or
 * goes. The capture thread reads the current array once per frame, retains every subscriber's handle in one step
 * ({@link Frame#retain(String[], Frame[], int)}: one lock of the frame for all, not one per subscriber) and walks
 * the array with an index: no lock of its own, no iterator, no allocation on the frame path but the handles.
 *
 * <p>Threading contract: {@link #publish} runs on the capture thread, which alone uses the scratch array of
 * handles; {@link #add}, {@link #remove} and
 * {@link #removeAll} on the session's control thread, serialised by a lock of their own so that concurrent
 * changes never lose each other. A subscriber removed while the capture thread still holds the previous array may
 * get one more offer; {@link Subscriber} releases such frames itself.
 */
public final class FanOut {

    private static final Subscriber[] NONE = new Subscriber[0];

    private final Object lock = new Object();
    private volatile Members members = new Members(NONE);
    /** Capture thread only: the handles of the frame being published, cleared as they are handed over. */
    private Frame[] handles = new Frame[0];

    /** Offers {@code frame} to every subscriber; the caller keeps (and later releases) its own handle. */
    public void publish(Frame frame) throws InterruptedException {
        Members now = members;
        Subscriber[] current = now.subscribers;
        int count = current.length;
        if (count == 0) {
            return;
        }
        if (handles.length < count) {
            handles = new Frame[count];
        }
        frame.retain(now.holders, handles, count);
        int offered = 0;
        try {
            for (; offered < count; offered++) {
                Frame handle = handles[offered];
                handles[offered] = null;
                current[offered].offerRetained(handle);
            }
        } finally {
            // an offer that threw (the capture thread stopped under BLOCK) owned its handle; the rest are ours
            for (int i = offered + 1; i < count; i++) {
                handles[i].release();
                handles[i] = null;
            }
        }
    }

    /** Adds a subscriber unless its listener already has one. */
    public boolean add(Subscriber subscriber) {
        synchronized (lock) {
            Subscriber[] current = members.subscribers;
            for (Subscriber existing : current) {
                if (existing.listener() == subscriber.listener()) {
                    return false;
                }
            }
            Subscriber[] next = new Subscriber[current.length + 1];
            System.arraycopy(current, 0, next, 0, current.length);
            next[current.length] = subscriber;
            set(next);
            return true;
        }
    }

    /** Takes the listener's subscriber out of the fan-out and returns it (to be closed), or null. */
    public Subscriber remove(FrameListener listener) {
        synchronized (lock) {
            Subscriber[] current = members.subscribers;
            for (int i = 0; i < current.length; i++) {
                if (current[i].listener() == listener) {
                    Subscriber[] next = new Subscriber[current.length - 1];
                    System.arraycopy(current, 0, next, 0, i);
                    System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                    set(next);
                    return current[i];
                }
            }
            return null;
        }
    }

    /** Empties the fan-out and returns what it held (to be closed). */
    public Subscriber[] removeAll() {
        synchronized (lock) {
            Subscriber[] current = members.subscribers;
            set(NONE);
            return current;
        }
    }

    private void set(Subscriber[] next) {
        members = new Members(next);
    }

    /** The subscribers now; a snapshot that later changes do not touch. */
    public Subscriber[] snapshot() {
        return members.subscribers;
    }

    /** Subscribers and their holder names, index for index, published together. Immutable. */
    private static final class Members {
        final Subscriber[] subscribers;
        final String[] holders;

        Members(Subscriber[] subscribers) {
            this.subscribers = subscribers;
            this.holders = new String[subscribers.length];
            for (int i = 0; i < subscribers.length; i++) {
                holders[i] = subscribers[i].holder();
            }
        }
    }
}
