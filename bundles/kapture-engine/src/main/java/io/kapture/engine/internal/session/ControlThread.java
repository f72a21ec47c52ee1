package io.kapture.engine.internal.session;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's control thread, which makes the session an actor: every change — configuration, services and
 * listeners coming and going, start and stop, what capture threads report, retries — is a task run here, one at a
 * time, in the order it came. The state these tasks change is confined to this thread, so it needs no lock, and
 * the threads that ask (SCR's, the shell's, capture threads) never wait for device I/O unless they choose to
 * ({@link #runAndWait}). One daemon thread, started on demand and gone after some idle seconds.
 *
 * <p>Threading contract: {@link #execute}, {@link #runAndWait}, {@link #isCurrentThread} and {@link #shutdown}
 * may be called from any thread; {@link #scheduleRetry} and {@link #cancelRetry} from this thread only (a task),
 * which guards the one pending retry. After shutdown, new work is dropped: the session is closing anyway.
 */
final class ControlThread {

    private static final Logger LOG = LoggerFactory.getLogger(ControlThread.class);
    private static final long IDLE_SECONDS = 10;
    private static final String NAME_PREFIX = "kapture-control-";

    private final Supplier<String> camera;
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread current;
    private ScheduledFuture<?> retry;

    /**
     * {@code camera} names the thread: when it is created, and again before a task when the name no longer matches
     * — the first tasks (services bound by SCR) come before the configuration that names the camera, and the thread
     * lives on, and a camera may be renamed.
     */
    ControlThread(Supplier<String> camera) {
        this.camera = camera;
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, NAME_PREFIX + camera.get());
            thread.setDaemon(true);
            return thread;
        });
        executor.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues {@code task} and returns at once. */
    void execute(Runnable task) {
        try {
            executor.execute(() -> run(task));
        } catch (RejectedExecutionException closing) {
            // shut down: the session no longer acts
        }
    }

    /**
     * Queues {@code task} and waits until it has run, for callers that want the change done when they return
     * (the shell's start and stop). On this thread itself it runs {@code task} at once instead; once the thread
     * is shut down, nothing runs.
     *
     * @throws IllegalStateException if the session was closed before the task could run
     */
    void runAndWait(Runnable task) {
        if (isCurrentThread()) {
            task.run();
            return;
        }
        Future<?> done;
        try {
            done = executor.submit(() -> run(task));
        } catch (RejectedExecutionException closing) {
            return; // shut down: the session no longer acts, as a closed camera does nothing
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            throw new IllegalStateException("the camera was removed before the request ran", e);
        }
    }

    boolean isCurrentThread() {
        return Thread.currentThread() == current;
    }

    /** Replaces any pending retry with {@code task} after {@code millis}. This thread only. */
    void scheduleRetry(Runnable task, long millis) {
        cancelRetry();
        try {
            retry = executor.schedule(() -> run(task), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            retry = null;
        }
    }

    /** This thread only. */
    void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    /** Runs what is queued already, then ends the thread; later work is dropped. */
    void shutdown() {
        executor.shutdown();
    }

    /** Whether the thread has ended after {@link #shutdown}, waiting up to {@code millis}; for tests. */
    boolean awaitTermination(long millis) throws InterruptedException {
        return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    /** A task that fails is a bug in the session: said loudly, and the next task runs all the same. */
    private void run(Runnable task) {
        Thread thread = Thread.currentThread();
        current = thread;
        nameAfterCamera(thread);
        try {
            task.run();
        } catch (RuntimeException | Error bug) {
            LOG.error("Camera session task failed; the session goes on with its next task", bug);
            throw bug;
        } finally {
            current = null;
        }
    }

    /** Renames {@code thread} if its name is not the camera's; compares without allocating, as this runs per task. */
    private void nameAfterCamera(Thread thread) {
        String name = camera.get();
        String now = thread.getName();
        if (now.length() != NAME_PREFIX.length() + name.length() || !now.endsWith(name) || !now.startsWith(NAME_PREFIX)) {
            thread.setName(NAME_PREFIX + name);
        }
    }
}
