package io.kapture.engine.internal.session;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A session's control thread: one daemon thread, started on demand and gone after some idle seconds, that runs
 * what capture threads report (they must not stop their own stream) and the retries of a failed camera. Tasks
 * take the session's lock themselves.
 *
 * <p>Threading contract: {@link #execute} may be called from any thread; {@link #scheduleRetry} and
 * {@link #cancelRetry} only under the session's lock, which guards the one pending retry; {@link #shutdown}
 * once, at the end. After shutdown, new work is silently dropped: the session is closing anyway.
 */
final class ControlThread {

    private static final long IDLE_SECONDS = 10;

    private final ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> retry;

    /** {@code camera} names the thread when it is (re)created, so a renamed camera gets a matching name. */
    ControlThread(Supplier<String> camera) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "kapture-control-" + camera.get());
            thread.setDaemon(true);
            return thread;
        });
        executor.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
    }

    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // shut down: the session no longer acts on reports
        }
    }

    /** Replaces any pending retry with {@code task} after {@code millis}. */
    void scheduleRetry(Runnable task, long millis) {
        cancelRetry();
        try {
            retry = executor.schedule(task, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            retry = null;
        }
    }

    void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    void shutdown() {
        cancelRetry();
        executor.shutdownNow();
    }
}
