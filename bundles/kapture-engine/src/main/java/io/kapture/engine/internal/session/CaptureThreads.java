package io.kapture.engine.internal.session;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.engine.internal.fanout.FanOut;
import io.kapture.engine.internal.fanout.InlineBudget;
import io.kapture.engine.internal.fanout.Subscriber;

/**
 * The thread that runs a stream's {@link CaptureLoop}, and its replacement when the inline listener's call is
 * taken over: the camera goes on on a new thread on the same loop, while the old one, left in the listener's call,
 * touches nothing of the stream any more and ends when (if ever) the listener returns.
 *
 * <p>Threading contract: {@link #start}, {@link #replace}, {@link #watchInline} and {@link #stop} are called by the
 * session's control thread, one at a time, so two capture threads never run the loop at once.
 * {@link #inlineNeedsWatching} (the watchdog's thread), {@link #runsOn} and {@link #name} may be called from any
 * thread: {@code captureThread} and {@code stopped} are volatile for them. {@code stopped} is set first thing by
 * {@link #stop}; from then on no capture thread is replaced and the watchdog has nothing to look at.
 */
final class CaptureThreads {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureThreads.class);

    /** How long a stop waits for the capture thread; the longest dequeue is much shorter. */
    static final long JOIN_MILLIS = 10_000;
    private static final long STUCK_NANOS = TimeUnit.MILLISECONDS.toNanos(InlineBudget.STUCK_MILLIS);

    private final String camera;
    private final CaptureLoop loop;
    private final FanOut fanOut;
    /** The thread running {@link #loop}; replaced (control thread) when the inline listener's call is taken over. */
    private volatile Thread captureThread;
    private volatile boolean stopped;

    CaptureThreads(String camera, CaptureLoop loop, FanOut fanOut) {
        this.camera = camera;
        this.loop = loop;
        this.fanOut = fanOut;
        this.captureThread = newCaptureThread();
    }

    private Thread newCaptureThread() {
        Thread thread = new Thread(loop, "kapture-capture-" + camera);
        thread.setDaemon(true);
        return thread;
    }

    /** Starts the first capture thread, which waits for {@link CaptureLoop#go} before it dequeues. */
    void start() {
        captureThread.start();
    }

    /**
     * The watchdog, on the control thread: takes over an inline listener's call that has lasted longer than
     * {@link InlineBudget#STUCK_MILLIS} and goes on capturing on a new thread. Returns whether this stream still
     * has an inline listener to watch.
     */
    boolean watchInline() {
        if (stopped) {
            return false;
        }
        for (Subscriber subscriber : fanOut.snapshot()) {
            if (subscriber.isInline()) {
                replace(subscriber.takeOverInlineCall(InlineBudget.STUCK_MILLIS, "it did not return "
                        + "from onFrame on the capture thread within " + InlineBudget.STUCK_MILLIS + " ms; the camera "
                        + "went on capturing on a new thread"));
            }
        }
        return fanOut.hasInline();
    }

    /**
     * Whether the watchdog should have the control thread look ({@link #watchInline}): the inline listener's call
     * has lasted beyond {@link InlineBudget#STUCK_MILLIS}, or there is no inline listener left. Any thread.
     */
    boolean inlineNeedsWatching() {
        return !stopped && (!fanOut.hasInline() || fanOut.inlineCallOverdue(System.nanoTime(), STUCK_NANOS));
    }

    /** Control thread: {@code left} was the capture thread and is left in a listener's call; a new one goes on. */
    void replace(Thread left) {
        if (left == null || left != captureThread || stopped) {
            return;
        }
        Thread next = newCaptureThread();
        captureThread = next;
        next.start();
        LOG.info("Camera {}: capture goes on on a new thread; the old one ends when the listener returns", camera);
    }

    /** Whether {@code thread} is the current capture thread. Any thread. */
    boolean runsOn(Thread thread) {
        return thread == captureThread;
    }

    /** The current capture thread's name, for messages. Any thread. */
    String name() {
        return captureThread.getName();
    }

    /**
     * Asks the loop to stop and ends the capture thread; true if it ended, or is left in the inline listener's call
     * for good (taken over: it touches nothing of the stream any more, and the listener's closing interrupts it at
     * once and waits for it). The inline listener gets the same grace as a delivery thread's ({@code grace}) before
     * that, undisturbed by an interrupt, and only once: the closing does not repeat it
     * ({@link Subscriber#takeOverAfterGrace}).
     */
    boolean stop(long grace) {
        stopped = true;
        loop.requestStop();
        Thread capture = captureThread;
        for (Subscriber subscriber : fanOut.snapshot()) {
            if (subscriber.isInline()) {
                subscriber.stopDelivering();
                if (subscriber.takeOverAfterGrace(grace, "its camera stopped while it was in onFrame on the capture "
                        + "thread, which did not return within " + grace + " ms") == capture) {
                    return true;
                }
            }
        }
        capture.interrupt();
        return join(capture);
    }

    private static boolean join(Thread thread) {
        if (Thread.currentThread() == thread) {
            return true;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
