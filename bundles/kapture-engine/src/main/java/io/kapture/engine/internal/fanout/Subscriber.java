package io.kapture.engine.internal.fanout;

import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.kapture.api.DropCause;
import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerPlacement;
import io.kapture.api.ListenerStats;
import io.kapture.engine.internal.config.CameraSettings;

/**
 * One listener's subscription to one running stream: a bounded ring that the capture thread fills according to
 * the drop policy ({@link QueuePolicy}), a daemon delivery thread of its own that empties it into the listener
 * ({@link DeliveryLoop}), the two meeting in a {@link Handoff}, and the way it ends ({@link SubscriberShutdown}). A
 * listener that is slow, throws, blocks forever or loses its thread therefore only ever costs itself. In steady
 * state nothing is allocated per frame on either side but the listener's handle.
 *
 * <p>Ownership rule: every frame handle that enters the ring is released exactly once, by whoever wins it from
 * the ring — the delivery thread after the listener returns, the capture thread when dropping or resizing, or
 * whoever drains a closed subscriber — and each drop is counted once, with its {@link DropCause} ({@link Drops}).
 * Each of the three parts states and keeps the rule for the frames it wins.
 *
 * <p>A listener that asked for it ({@link io.kapture.api.FrameListener#CAPTURE_THREAD}) has no queue and no thread:
 * the capture thread calls it in {@link #offerRetained}, and its delivery thread is never started. The stream's
 * inline listener ({@link FanOut} grants the one slot, {@link ListenerPlacement#INLINE}) is called by the capture
 * thread too, in {@link #deliverInline}, but has its queue and its (parked) delivery thread, and moves there for
 * good when it is too slow or does not return ({@link InlineCall}); its frames then take the queue's path, and
 * the ownership rule above holds for them unchanged: an inline frame is delivered and released by the capture
 * thread, or dropped, and counted as offered first, exactly like a {@code CAPTURE_THREAD} listener's.
 *
 * <p>Threading contract: {@link #offer}, {@link #offerRetained} and {@link #deliverInline} are called from the
 * capture thread only; {@link #takeOverInlineCall} and {@link #takeOverAfterGrace} from the session's control
 * thread; {@link #stopDelivering}, {@link #requestQueue}, {@link #stats} and the queries from any thread;
 * {@link #close} and {@link #closeAll} (which wait) from the session's control thread only, never from SCR's
 * threads.
 */
public final class Subscriber {

    /**
     * How long closing lets a listener finish the frame in hand before interrupting it, unless its camera says
     * otherwise ({@code listener.grace.ms}, {@link #close(long)}). An interrupt breaks more
     * than waits: it closes any NIO channel the thread is writing to ({@code ClosedByInterruptException}), which
     * left a recorder's file unfinished. A listener that returns within this time is never interrupted.
     */
    public static final long GRACE_MILLIS = CameraSettings.DEFAULT_LISTENER_GRACE_MS;

    /** How long closing then waits, after the interrupt, for a listener to return from {@code onFrame}. */
    static final long JOIN_MILLIS = 2000;

    private final FrameListener listener;
    private final Subscription subscription;
    private final String threadName;
    private final Thread thread;
    private final Handoff handoff;
    private final Drops drops = new Drops();
    private final QueuePolicy queue;
    private final DeliveryLoop delivery;
    private final InlineCall inline;
    private final String camera;

    /** Set by the closing thread when the listener did not return in time; read by tests. */
    private volatile boolean abandoned;
    /**
     * Set on the control thread when an inline call was taken over only after it had had its grace
     * ({@link #takeOverAfterGrace}), so that closing interrupts the thread left in it at once instead of granting
     * the same call a second grace.
     */
    private volatile boolean stuckCallHadGrace;

    /** Creates the subscriber; its delivery thread runs once {@link #start} is called. */
    public Subscriber(String camera, FrameListener listener, Subscription subscription, QueueSpec spec) {
        this(camera, listener, subscription, spec, Thread::new);
    }

    /** As above, with the delivery thread made by {@code threads} (tests make one that dies). */
    Subscriber(String camera, FrameListener listener, Subscription subscription, QueueSpec spec,
            ThreadFactory threads) {
        this.listener = listener;
        this.subscription = subscription;
        this.camera = camera;
        this.inline = new InlineCall(subscription.captureThread() ? ListenerPlacement.CAPTURE_THREAD
                : ListenerPlacement.OWN_THREAD);
        this.threadName = "kapture-" + camera + "-" + subscription.name();
        // the hand-off needs the thread and the thread's task the hand-off: the task reads the field once started
        this.thread = threads.newThread(this::runDelivery);
        this.thread.setName(threadName);
        this.thread.setDaemon(true);
        this.handoff = new Handoff(spec.capacity(), thread);
        this.delivery = new DeliveryLoop(listener, subscription, threadName, handoff, drops, inline);
        this.queue = new QueuePolicy(handoff, drops, spec, delivery::reportEnd);
    }

    /** Whether this listener may take a stream's inline slot: it asked neither for the capture thread nor its own. */
    boolean mayRunInline() {
        return !subscription.captureThread() && !subscription.deliveryThread();
    }

    /** Makes this the stream's inline listener; {@link FanOut#add} only, before the capture thread sees it. */
    void grantInline(InlineBudget budget) {
        inline.grantInline(budget);
    }

    /** Whether the capture thread calls it now as the stream's inline listener (not demoted). Any thread. */
    public boolean isInline() {
        return inline.inline();
    }

    /** Where its listener runs now. Any thread. */
    public ListenerPlacement placement() {
        return inline.placement();
    }

    /** Starts the delivery thread; a listener called on the capture thread has none to start. */
    public void start() {
        if (!subscription.captureThread()) {
            thread.start();
        }
    }

    private void runDelivery() {
        delivery.run();
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
        queue.requestQueue(next);
    }

    /**
     * Queues a new handle on {@code frame} for the listener, or drops a frame as the policy says. Capture thread
     * only; the caller keeps its own handle.
     *
     * @throws InterruptedException if the capture thread is stopped while blocked under
     *                              {@link io.kapture.api.DropPolicy#BLOCK}
     */
    public void offer(Frame frame) throws InterruptedException {
        offerRetained(frame.retain(threadName));
    }

    /**
     * As {@link #offer}, with the listener's handle already retained for {@link #holder()} (the fan-out retains
     * every subscriber's handle in one step); this subscriber owns {@code handle} from here on, even if it throws.
     */
    public void offerRetained(Frame handle) throws InterruptedException {
        if (subscription.captureThread()) {
            queue.deliverOnCaptureThread(handle, delivery);
        } else {
            queue.offer(handle);
        }
    }

    /**
     * Capture thread, as the last thing it does for a frame: calls the inline listener with {@code handle} (owned
     * from here on) and judges how long it took, or queues the frame if the listener was moved to its own thread.
     * Returns false if the call was taken over while it ran ({@link #takeOverInlineCall}): the calling thread is no
     * longer the capture thread and must end without touching the stream again.
     *
     * @throws InterruptedException as {@link #offer} does, for a moved listener under {@code BLOCK}
     */
    boolean deliverInline(Frame handle) throws InterruptedException {
        if (!inline.inline()) {
            queue.offer(handle);
            return true;
        }
        long began = System.nanoTime();
        // the call is in progress before closing is looked at: a closer that sets closed first and then finds no
        // call in progress knows no call will start (the two volatile steps in opposite order on each side)
        inline.begin(began);
        queue.deliverOnCaptureThread(handle, delivery);
        if (!inline.end()) {
            inline.stuckReturned(thread);
            return false;
        }
        String moved = inline.judge(System.nanoTime() - began);
        if (moved != null) {
            DeliveryLoop.LOG.info("Camera {}: listener {} (bundle {}) moved from the capture thread to its own "
                    + "delivery thread {}: {}", camera, subscription.name(), subscription.bundle(), threadName, moved);
        }
        return true;
    }

    /** Whether an inline call of this listener began more than {@code limitNanos} before {@code nowNanos}. Any thread. */
    boolean inlineCallOverdue(long nowNanos, long limitNanos) {
        return inline.overdue(nowNanos, limitNanos);
    }

    /**
     * Control thread: if an inline call of this listener has lasted longer than {@code limitMillis}, takes it over:
     * the listener moves to its delivery thread, which calls it only once that call returned. Returns the thread
     * left in the call (the capture thread, which the caller replaces), or null.
     */
    public Thread takeOverInlineCall(long limitMillis, String why) {
        Thread left = inline.takeOver(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(limitMillis), why);
        if (left != null) {
            // the thread left in the call counted its frame offered after the call's state changed; read with
            // acquire here, that count is ordered before the new capture thread (started after this) counts on
            queue.offered();
            DeliveryLoop.LOG.info("Camera {}: listener {} (bundle {}) moved from the capture thread to its own "
                    + "delivery thread {}: {}", camera, subscription.name(), subscription.bundle(), threadName, why);
        }
        return left;
    }

    /**
     * Waits up to {@code millis} for an inline call in progress to return; true if none is in progress then.
     * Control thread, after {@link #stopDelivering} (so that no new call begins).
     */
    boolean awaitInlineReturn(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (inline.inCall()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(2));
        }
        return true;
    }

    /**
     * Control thread, after {@link #stopDelivering}: gives an inline call in progress {@code graceMillis} to return
     * ({@link #awaitInlineReturn}) and takes it over if it did not ({@link #takeOverInlineCall}, with {@code why}).
     * Returns the thread left in the call (the capture thread, which the caller replaces or stops waiting for), or
     * null. That call's grace is then spent: {@link #close} interrupts the thread left in it without waiting again.
     */
    public Thread takeOverAfterGrace(long graceMillis, String why) {
        if (awaitInlineReturn(graceMillis)) {
            return null;
        }
        Thread left = takeOverInlineCall(0, why);
        if (left != null) {
            stuckCallHadGrace = true;
        }
        return left;
    }

    /** The thread left in a taken-over inline call that has not returned yet, or null. Any thread. */
    Thread stuckCaller() {
        return inline.stuck();
    }

    /** Whether the taken-over call had its grace before it was taken over ({@link #takeOverAfterGrace}). */
    boolean stuckCallHadGrace() {
        return stuckCallHadGrace;
    }

    /**
     * Delivers nothing more after the frame the listener may have in hand; never waits, so SCR's threads may call
     * it when a listener goes away. {@link #close} (on the control thread) then waits for the listener and
     * releases what is queued.
     */
    public void stopDelivering() {
        handoff.close();
    }

    /**
     * Stops the delivery thread and releases every queued frame. A listener in {@code onFrame} gets
     * {@value #GRACE_MILLIS} ms to return by itself, then an interrupt (for one that waits), then
     * {@value #JOIN_MILLIS} ms more. Control thread only.
     */
    public void close() {
        close(GRACE_MILLIS);
    }

    /** {@link #close()} with the camera's own grace ({@code listener.grace.ms}) before the interrupt. */
    public void close(long graceMillis) {
        closeAll(new Subscriber[] {this}, graceMillis);
    }

    /** Closes several subscribers as {@link #close} closes one, their waits running side by side. */
    public static void closeAll(Subscriber[] subscribers) {
        closeAll(subscribers, GRACE_MILLIS);
    }

    /** {@link #closeAll(Subscriber[])} with the camera's own grace before the interrupt. */
    public static void closeAll(Subscriber[] subscribers, long graceMillis) {
        closeAll(subscribers, graceMillis, JOIN_MILLIS);
    }

    /** {@link #closeAll(Subscriber[])} with the two waits given (tests shorten or lengthen them). */
    static void closeAll(Subscriber[] subscribers, long graceMillis, long joinMillis) {
        SubscriberShutdown.closeAll(subscribers, graceMillis, joinMillis);
    }

    Thread thread() {
        return thread;
    }

    /** Whether {@code candidate} is this subscriber's delivery thread, or a thread left in its call. Any thread. */
    public boolean runsOn(Thread candidate) {
        return candidate == thread || candidate == inline.stuck();
    }

    void markAbandoned() {
        abandoned = true;
    }

    /** Whether closing gave up waiting for the listener to return (it was stuck in {@code onFrame}). */
    boolean abandoned() {
        return abandoned;
    }

    /** Releases every queued frame, counting each as dropped, so that the figures still add up. */
    void drain(DropCause cause) {
        drops.drain(handoff.ring(), cause);
    }

    /** Whether the delivery thread has ended. */
    public boolean isTerminated() {
        return !thread.isAlive();
    }

    /** Frames dropped for this listener for {@code cause}. */
    public long dropped(DropCause cause) {
        return drops.get(cause);
    }

    /**
     * This subscriber's figures. {@code offered = delivered + dropped + queued} holds exactly: delivered and
     * dropped are read first and offered last, and every frame delivered or dropped was offered before, so what
     * was offered and is neither (queued, or in the hand between ring and listener) is never negative.
     */
    public ListenerStats stats() {
        QueueSpec current = queue.spec();
        long delivered = delivery.delivered();
        // the total from the same reading as the causes, so that it is their sum exactly
        Map<DropCause, Long> byCause = drops.byCause();
        long dropped = byCause.values().stream().mapToLong(Long::longValue).sum();
        long offered = queue.offered();
        int queued = (int) (offered - delivered - dropped);
        LatencyHistogram latency = delivery.latency();
        return new ListenerStats(subscription.name(), subscription.bundle(), subscription.cameraFilter(),
                current.policy(), current.capacity(), queued, delivered, dropped, delivery.errors(),
                latency.percentile(0.50), latency.percentile(0.99), latency.max(), byCause, offered,
                inline.placement(), inline.reason());
    }
}
