package io.kapture.engine.internal.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.engine.internal.fanout.FanOut;
import io.kapture.engine.internal.fanout.RateLimitedLog;

/**
 * The body of a stream's capture thread: dequeue a filled buffer, let the current delivery strategy wrap it,
 * count it, offer it to every subscriber and drop its own handle, and last call the stream's inline listener, if
 * it has one ({@link FanOut#deliverPending}): no listener code runs before every other subscriber has the frame,
 * and listener code runs here only for the inline listener (judged and moved away when too slow) and listeners
 * that asked for it.
 *
 * <p>A loop may outlive its thread: when the inline listener does not return, the session's watchdog starts a
 * new thread on the same loop ({@link CaptureThreads}), and the thread left in the call, once (if ever) it returns, ends
 * without touching the loop's state again. The state it leaves ({@code lastUsed}, the source's dequeue) was last
 * written before the call, which the take-over's volatile steps and the new thread's start order before the new
 * thread's reads; two threads never run the loop at once.
 *
 * <p>The thread is started before the source streams, so that its start (slow on a small or emulated machine) does
 * not eat into the driver's buffers: {@link #run} first waits for {@link #go}, given once the source is streaming.
 *
 * <p>Threading contract: {@link #run} is the capture thread (one at a time, see above). {@link #switchTo}, {@link #setStallTimeout},
 * {@link #go} and {@link #requestStop} come from the session's control thread and take effect at the next frame
 * (volatile fields); {@link #usedStrategies} may be read from any thread.
 */
final class CaptureLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureLoop.class);

    /** Bounds how long a stop waits for a source that cannot be interrupted (a V4L2 poll). */
    static final long DEQUEUE_TIMEOUT_MILLIS = 500;

    private final Stream stream;
    private final CaptureSource source;
    private final StreamContext context;
    private final StreamCounters counters;
    private final FanOut fanOut;
    private final StreamEvents events;
    private final List<NamedStrategy> used = new CopyOnWriteArrayList<>();
    private final RateLimitedLog wrapLog = new RateLimitedLog(LOG);
    private final RateLimitedLog fanOutLog = new RateLimitedLog(LOG);
    private final CountDownLatch streaming = new CountDownLatch(1);

    private volatile NamedStrategy strategy;
    private volatile long stallTimeoutNanos;
    private volatile boolean stopping;
    private NamedStrategy lastUsed;

    CaptureLoop(Stream stream, CaptureSource source, StreamContext context, StreamCounters counters, FanOut fanOut,
            StreamEvents events, NamedStrategy strategy, long stallTimeoutMillis) {
        this.stream = stream;
        this.source = source;
        this.context = context;
        this.counters = counters;
        this.fanOut = fanOut;
        this.events = events;
        this.strategy = strategy;
        setStallTimeout(stallTimeoutMillis);
    }

    /** The strategy for the next frame on; frames already wrapped keep theirs. */
    void switchTo(NamedStrategy next) {
        strategy = next;
    }

    NamedStrategy strategy() {
        return strategy;
    }

    void setStallTimeout(long millis) {
        stallTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Every strategy that wrapped a frame of this stream, each to be closed when it stops. */
    List<NamedStrategy> usedStrategies() {
        return List.copyOf(used);
    }

    /** The source streams now: the loop may dequeue. */
    void go() {
        streaming.countDown();
    }

    /** Makes the loop end after the current dequeue; the caller also interrupts the thread. */
    void requestStop() {
        stopping = true;
    }

    @Override
    public void run() {
        try {
            streaming.await();
            loop();
        } catch (InterruptedException e) {
            // the session stops the stream
        }
    }

    private void loop() throws InterruptedException {
        long lastFrameNanos = System.nanoTime();
        try {
            while (!stopping) {
                DriverBuffer buffer = source.dequeue(DEQUEUE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (buffer != null) {
                    lastFrameNanos = now;
                    if (!handle(buffer, now)) {
                        return; // taken over while in the inline listener's call: another thread goes on
                    }
                } else if (stallTimeoutNanos > 0 && now - lastFrameNanos > stallTimeoutNanos && !stopping) {
                    events.streamStalled(stream, TimeUnit.NANOSECONDS.toMillis(now - lastFrameNanos));
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            if (!stopping) {
                events.streamFailed(stream, e);
            }
        }
    }

    /** Handles one frame; false if this thread was taken over in the inline call and must end at once. */
    private boolean handle(DriverBuffer buffer, long now) throws InterruptedException {
        context.dequeued(buffer);
        NamedStrategy current = strategy;
        if (current != lastUsed) {
            lastUsed = current;
            if (!used.contains(current)) {
                used.add(current);
            }
        }
        Frame frame;
        try {
            frame = current.strategy().wrap(buffer, context);
        } catch (RuntimeException e) {
            // built-in strategies requeue before throwing; the context ignores a second requeue of the same buffer
            context.requeue(buffer);
            wrapLog.warn("Camera " + context.camera() + ": delivery strategy '" + current.name()
                    + "' failed to wrap frame " + buffer.sequence() + "; frame skipped", e);
            return true;
        }
        try {
            counters.frame(frame.sequence(), frame.isCorrupted(), now);
            fanOut.publish(frame);
        } catch (RuntimeException e) {
            fanOut.releasePending();
            fanOutLog.warn("Camera " + context.camera() + ": could not hand frame " + frame.sequence()
                    + " to every listener", e);
        } finally {
            frame.release();
        }
        counters.countCaptured();
        return fanOut.deliverPending();
    }
}
