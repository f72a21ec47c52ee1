package io.kapture.engine.internal.fanout;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;

/**
 * The subscribers of one running stream, as an array that is replaced, never changed, whenever one comes or
 * goes. The capture thread reads the current array once per frame, retains every subscriber's handle in one step
 * ({@link Frame#retain(String[], Frame[], int)}: one lock of the frame for all, not one per subscriber) and walks
 * the array with an index: no lock of its own, no iterator, no allocation on the frame path but the handles.
 *
 * <p>The inline slot: the first subscriber added that may run inline ({@link Subscriber#mayRunInline}) while no
 * other holds the slot is called on the capture thread itself ({@link io.kapture.api.ListenerPlacement#INLINE}),
 * and keeps the slot, demoted or not, until it is removed; the next subscriber added after that may take it.
 * {@link #publish} offers the frame to every other subscriber first and keeps the slot holder's handle aside;
 * the capture loop hands it over with {@link #deliverPending} after its own bookkeeping and the release of its
 * own handle, so the listener's call is the last thing done for a frame and delays nobody else's.
 *
 * <p>Threading contract: {@link #publish} and {@link #deliverPending} run on the capture thread, which alone uses
 * the scratch array of handles and the pending handle; {@link #add}, {@link #remove} and
 * {@link #removeAll} on the session's control thread, serialised by a lock of their own so that concurrent
 * changes never lose each other. A subscriber removed while the capture thread still holds the previous array may
 * get one more offer; {@link Subscriber} releases such frames itself.
 */
public final class FanOut {

    private static final Subscriber[] NONE = new Subscriber[0];

    private final Object lock = new Object();
    private volatile Members members = new Members(NONE, -1);
    /** Capture thread only: the handles of the frame being published, cleared as they are handed over. */
    private Frame[] handles = new Frame[0];
    /** Capture thread only: the inline subscriber's handle of the frame being published, and that subscriber. */
    private Frame pending;
    private Subscriber pendingSubscriber;
    private final InlineBudget budget;

    /** A fan-out of a stream of unknown rate (the rehearsal, tests). */
    public FanOut() {
        this(InlineBudget.UNKNOWN_RATE);
    }

    /** A fan-out whose inline listener is judged by {@code budget}. */
    public FanOut(InlineBudget budget) {
        this.budget = budget;
    }

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
        int slot = now.inlineSlot;
        int offered = 0;
        boolean done = false;
        try {
            for (; offered < count; offered++) {
                Frame handle = handles[offered];
                handles[offered] = null;
                if (offered == slot) {
                    pending = handle;
                    pendingSubscriber = current[offered];
                } else {
                    current[offered].offerRetained(handle);
                }
            }
            done = true;
        } finally {
            if (!done) {
                // an offer that threw (the capture thread stopped under BLOCK) owned its handle; the rest are ours
                for (int i = offered + 1; i < count; i++) {
                    handles[i].release();
                    handles[i] = null;
                }
                releasePending();
            }
        }
    }

    /**
     * Capture thread, after {@link #publish} and the loop's own work for the frame: calls the inline subscriber
     * with the handle kept for it, if any. False if that call was taken over while it ran: the calling thread is
     * no longer the capture thread and must end ({@link Subscriber#deliverInline}).
     */
    public boolean deliverPending() throws InterruptedException {
        Frame handle = pending;
        if (handle == null) {
            return true;
        }
        Subscriber subscriber = pendingSubscriber;
        pending = null;
        pendingSubscriber = null;
        return subscriber.deliverInline(handle);
    }

    /** Capture thread: gives back a kept handle that will not be delivered (publishing failed). */
    public void releasePending() {
        Frame handle = pending;
        if (handle != null) {
            pending = null;
            pendingSubscriber = null;
            handle.release();
        }
    }

    /** Whether a subscriber is called on the capture thread as the inline listener now. Any thread. */
    public boolean hasInline() {
        Members now = members;
        return now.inlineSlot >= 0 && now.subscribers[now.inlineSlot].isInline();
    }

    /**
     * Whether the inline listener's call in progress began more than {@code limitNanos} before {@code nowNanos};
     * allocation-free, for the watchdog's wake-ups. Any thread.
     */
    public boolean inlineCallOverdue(long nowNanos, long limitNanos) {
        Members now = members;
        return now.inlineSlot >= 0 && now.subscribers[now.inlineSlot].inlineCallOverdue(nowNanos, limitNanos);
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
            if (members.inlineSlot < 0 && subscriber.mayRunInline()) {
                // granted before the volatile write that publishes the array: the capture thread sees it set
                subscriber.grantInline(budget);
                set(next, current.length);
            } else {
                set(next, members.inlineSlot);
            }
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
                    int slot = members.inlineSlot;
                    set(next, slot == i ? -1 : slot > i ? slot - 1 : slot);
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
            set(NONE, -1);
            return current;
        }
    }

    private void set(Subscriber[] next, int inlineSlot) {
        members = new Members(next, inlineSlot);
    }

    /** The subscribers now; a snapshot that later changes do not touch. */
    public Subscriber[] snapshot() {
        return members.subscribers;
    }

    /**
     * Subscribers and their holder names, index for index, and the index of the inline slot's holder (-1: none),
     * published together. Immutable.
     */
    private static final class Members {
        final Subscriber[] subscribers;
        final String[] holders;
        final int inlineSlot;

        Members(Subscriber[] subscribers, int inlineSlot) {
            this.subscribers = subscribers;
            this.inlineSlot = inlineSlot;
            this.holders = new String[subscribers.length];
            for (int i = 0; i < subscribers.length; i++) {
                holders[i] = subscribers[i].holder();
            }
        }
    }
}
