package io.kapture.engine.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerStats;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.Negotiation;
import io.kapture.engine.internal.config.CameraSettings;
import io.kapture.engine.internal.fanout.FanOut;
import io.kapture.engine.internal.fanout.InlineBudget;
import io.kapture.engine.internal.fanout.QueueSpec;
import io.kapture.engine.internal.fanout.Subscriber;

/**
 * One opened, streaming capture source with its capture thread, its subscribers and its counters: everything
 * that lives from a successful start ({@link StreamOpening#open}) to the matching stop. A restart makes a new
 * stream. Its parts: {@link CaptureThreads} (the capture thread and the inline listener's take-over),
 * {@link StrategySelection} (which strategy wraps the frames) and the subscribers' {@link FanOut}; {@link #close}
 * stops them in the one safe order.
 *
 * <p>Threading contract: the construction and the opening steps ({@link #startCaptureThread}, {@link #go}), the
 * subscriber and settings methods, {@link #watchInline} and {@link #close} are called by the session's control
 * thread, one at a time; {@link #stopDelivering}, {@link #runsOn} and {@link #inlineNeedsWatching} from any thread.
 * {@link #stats}, {@link #format}, {@link #adjustments}, {@link #uses}, {@link #delivery} and the control methods may
 * be called from any thread; the control methods pass the {@link StreamContext}'s gate, so they never reach a
 * source that {@link #close} is closing. The queue defaults, the grace, {@code finalSubscribers} and {@code closed}
 * are volatile for those readers. The capture thread runs {@link CaptureLoop}; each subscriber has its own
 * delivery thread.
 */
public final class Stream {

    private static final Logger LOG = LoggerFactory.getLogger(Stream.class);

    private final String camera;
    private final String device;
    private final CaptureSourceProvider provider;
    private final CaptureSource source;
    private final Negotiation negotiation;
    private final List<String> problems;
    private final long startedAtMillis = System.currentTimeMillis();
    private final StreamCounters counters;
    private final StreamContext context;
    private final FanOut fanOut;
    private final CaptureLoop loop;
    private final CaptureThreads captureThreads;
    private final StrategySelection strategies;

    private volatile int defaultCapacity;
    private volatile DropPolicy defaultPolicy;
    /** How long a listener going away may take to return before it is interrupted ({@code listener.grace.ms}). */
    private volatile long graceMillis;
    private volatile Subscriber[] finalSubscribers;
    private volatile boolean closed;

    /** Only {@link StreamOpening#open}, which starts it and undoes it on failure, makes a stream. */
    Stream(CameraSettings settings, CaptureSourceProvider provider, CaptureSource source,
            Negotiation negotiation, List<String> problems, String lendingHazard, DeliveryChoice delivery,
            Function<String, Optional<NamedStrategy>> registered, StreamEvents events) {
        this.camera = settings.name();
        this.device = settings.device();
        this.provider = provider;
        this.source = source;
        this.negotiation = negotiation;
        this.problems = List.copyOf(problems);
        this.defaultCapacity = settings.queueCapacity();
        this.defaultPolicy = settings.dropPolicy();
        this.graceMillis = settings.listenerGraceMs();
        this.counters = new StreamCounters(new SequenceWarning(camera, device)::repeated);
        this.context = new StreamContext(camera, negotiation.format(), source, settings.buffers(), counters);
        this.fanOut = new FanOut(InlineBudget.of(negotiation.framesPerSecond(), settings.buffers()));
        this.loop = new CaptureLoop(this, source, context, counters, fanOut, events, delivery.effective(),
                settings.stallTimeoutMs());
        this.strategies = new StrategySelection(camera, device, lendingHazard, registered, delivery, loop);
        this.captureThreads = new CaptureThreads(camera, loop, fanOut);
    }

    /** Open, control thread: starts the capture thread, which waits for {@link #go} before it dequeues. */
    void startCaptureThread() {
        captureThreads.start();
    }

    /** Open, control thread: the source streams; the capture thread may dequeue. */
    void go() {
        loop.go();
    }

    /** Subscribes a listener if it wants this camera and is not subscribed yet. */
    void subscribe(ListenerEntry entry) {
        if (closed || !entry.subscription().matches(camera)) {
            return;
        }
        QueueSpec spec = entry.subscription().queueSpec(defaultCapacity, defaultPolicy);
        Subscriber subscriber = new Subscriber(camera, entry.listener(), entry.subscription(), spec);
        if (fanOut.add(subscriber)) {
            subscriber.start();
        }
    }

    /**
     * Unsubscribes a listener, releasing the frames queued for it. An inline call in progress gets the same grace
     * as a delivery thread's ({@code listener.grace.ms}); one that outlasts it is taken over, so the camera goes on
     * on a new capture thread while the old one, its grace spent, is interrupted at once by the closing, which then
     * waits for the listener ({@link Subscriber#close(long)}).
     */
    void unsubscribe(FrameListener listener) {
        Subscriber removed = fanOut.remove(listener);
        if (removed != null) {
            long grace = graceMillis;
            removed.stopDelivering();
            captureThreads.replace(removed.takeOverAfterGrace(grace, "it was unsubscribed while in onFrame on the "
                    + "capture thread, which did not return within " + grace + " ms"));
            removed.close(grace);
        }
    }

    /**
     * The watchdog, on the control thread: takes over an overdue inline call, the camera going on on a new thread
     * ({@link CaptureThreads#watchInline}). Returns whether this stream still has an inline listener to watch.
     */
    boolean watchInline() {
        return captureThreads.watchInline();
    }

    /** Whether the watchdog should have the control thread look ({@link #watchInline}). Any thread. */
    boolean inlineNeedsWatching() {
        return captureThreads.inlineNeedsWatching();
    }

    /** Whether a listener of this stream is called on its capture thread as the inline listener. Any thread. */
    boolean hasInlineListener() {
        return fanOut.hasInline();
    }

    /** Delivers nothing more to {@code listener} after the frame it may have in hand; never waits. Any thread. */
    void stopDelivering(FrameListener listener) {
        for (Subscriber subscriber : fanOut.snapshot()) {
            if (subscriber.listener() == listener) {
                subscriber.stopDelivering();
            }
        }
    }

    /**
     * Whether {@code thread} is this stream's capture thread, one of its delivery threads or a former capture thread
     * left in a listener's call. Any thread.
     */
    boolean runsOn(Thread thread) {
        if (captureThreads.runsOn(thread)) {
            return true;
        }
        for (Subscriber subscriber : fanOut.snapshot()) {
            if (subscriber.runsOn(thread)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Delivers with {@code strategy} from the next frame on, or with a copying one if it lends driver buffers and
     * this stream's source cannot lend them (logged with the reason, as at open).
     */
    void switchStrategy(NamedStrategy strategy) {
        strategies.switchStrategy(strategy);
    }

    /** The configured and the effective strategy, and why they differ. Any thread. */
    DeliveryChoice delivery() {
        return strategies.delivery();
    }

    /** New camera defaults for queue capacity and drop policy; subscribers that use the defaults follow. */
    void updateQueueDefaults(int capacity, DropPolicy policy) {
        defaultCapacity = capacity;
        defaultPolicy = policy;
        for (Subscriber subscriber : fanOut.snapshot()) {
            subscriber.requestQueue(subscriber.subscription().queueSpec(capacity, policy));
        }
    }

    /** A new {@code listener.grace.ms}, for the listeners that go away from now on. */
    void setListenerGrace(long millis) {
        graceMillis = millis;
    }

    void setStallTimeout(long millis) {
        loop.setStallTimeout(millis);
    }

    CaptureSourceProvider provider() {
        return provider;
    }

    /**
     * Whether {@code strategy} is configured or current ({@link DeliveryChoice}) or wrapped
     * any frame of this stream.
     */
    boolean uses(DeliveryStrategy strategy) {
        return strategies.uses(strategy);
    }

    FrameFormat format() {
        return negotiation.format();
    }

    /** How the negotiated format differs from the configuration's request, one sentence each. */
    List<String> adjustments() {
        return negotiation.adjustments();
    }

    /** The device's controls; see {@link StreamContext#onSource} for a stream stopped meanwhile. */
    List<ControlInfo> controls() {
        return context.onSource(CaptureSource::controls);
    }

    long control(String name) {
        return context.onSource(source -> source.control(name));
    }

    void control(String name, long value) {
        context.onSource(source -> {
            source.control(name, value);
            return null;
        });
    }

    /** Problems that did not stop the stream (controls not applied), for the session's last error. */
    List<String> problems() {
        return problems;
    }

    /** This stream's figures; {@code restarts} is the session's count, which outlives streams. */
    CaptureStats stats(long restarts, Optional<FramePoolStats> pool) {
        Subscriber[] subscribers = finalSubscribers != null ? finalSubscribers : fanOut.snapshot();
        List<ListenerStats> listeners = new ArrayList<>(subscribers.length);
        for (Subscriber subscriber : subscribers) {
            listeners.add(subscriber.stats());
        }
        return new CaptureStats(startedAtMillis, restarts, counters.captured(), counters.sequenceGaps(),
                counters.sequenceRepeats(), counters.corrupted(), counters.fallbackCopies(), counters.reclaimedLeases(),
                closed ? 0 : counters.fps(System.nanoTime()), context.queuedBuffers(), context.bufferCount(),
                listeners, pool);
    }

    /**
     * Stops in the one safe order: the capture thread (so nothing new is wrapped or queued; the inline listener
     * gets its grace once there, {@link CaptureThreads#stop}), the subscribers
     * (releasing what they hold), every strategy that wrapped a frame (giving back leased buffers), the gate to
     * the source, and last the source itself. Idempotent.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean captureEnded = captureThreads.stop(graceMillis);
        Subscriber[] subscribers = fanOut.removeAll();
        finalSubscribers = subscribers;
        Subscriber.closeAll(subscribers, graceMillis);
        for (NamedStrategy used : loop.usedStrategies()) {
            try {
                used.strategy().close(context);
            } catch (RuntimeException e) {
                LOG.warn("Camera {}: delivery strategy '{}' failed to give its buffers back", camera, used.name(), e);
            }
        }
        int stranded = context.outstanding();
        context.shutdown();
        if (!captureEnded) {
            LOG.error("Camera {}: capture thread {} did not end within {} ms; leaving device {} open rather than "
                    + "closing it under a running dequeue", camera, captureThreads.name(), CaptureThreads.JOIN_MILLIS,
                    device);
            return;
        }
        if (stranded > 0) {
            LOG.warn("Camera {}: {} driver buffers were not given back by the delivery strategies; the source "
                    + "reclaims them", camera, stranded);
        }
        StreamOpening.stopAndClose(camera, source);
    }
}
