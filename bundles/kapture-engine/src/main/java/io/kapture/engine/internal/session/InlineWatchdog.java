package io.kapture.engine.internal.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.kapture.engine.internal.fanout.InlineBudget;

/**
 * The watchdog of a stream's inline listener: a daemon thread that looks every
 * {@link InlineBudget#WATCH_PERIOD_MILLIS} whether the call on the capture thread has outlasted
 * {@link InlineBudget#STUCK_MILLIS} (or the stream has no inline listener left), and only then queues
 * {@code look} to the session's control thread, which takes the call over ({@link Stream#watchInline}).
 *
 * <p>Why a thread of its own rather than a periodic task of the control thread: a wake-up every two seconds
 * never runs often enough to be compiled, and the scheduled executor's machinery around the task (its delay queue,
 * lock, condition and re-scheduling) is what such a wake-up cost, interpreted; here a wake-up is a park and a few
 * volatile reads, and the control thread is free to end when idle.
 *
 * <p>Threading contract: {@link #start} and {@link #stop} from the session's control thread (stop waits for the
 * thread to end); the loop runs on the watchdog's own thread, which only reads the stream's volatile state and
 * queues {@code look}, so it never waits for the control thread and the join cannot deadlock.
 */
final class InlineWatchdog implements Runnable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(InlineBudget.WATCH_PERIOD_MILLIS);

    private final Stream stream;
    private final Runnable look;
    private final Thread thread;
    private volatile boolean stopped;

    private InlineWatchdog(Stream stream, String camera, Runnable look) {
        this.stream = stream;
        this.look = look;
        this.thread = new Thread(this, "kapture-" + camera + "-watchdog");
        thread.setDaemon(true);
    }

    /** Watches {@code stream}; {@code look} must only queue work to the control thread. */
    static InlineWatchdog start(Stream stream, String camera, Runnable look) {
        InlineWatchdog watchdog = new InlineWatchdog(stream, camera, look);
        watchdog.thread.start();
        return watchdog;
    }

    boolean watches(Stream candidate) {
        return stream == candidate && !stopped;
    }

    /**
     * Ends the thread and waits until it has ended, so that a stopped stream leaves no thread behind: it is parked,
     * or about to queue a look (which then finds nothing), so this takes microseconds.
     */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, PERIOD_NANOS);
            if (!stopped && stream.inlineNeedsWatching()) {
                look.run();
            }
        }
    }
}
