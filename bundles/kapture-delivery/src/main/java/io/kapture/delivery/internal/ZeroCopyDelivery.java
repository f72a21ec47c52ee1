package io.kapture.delivery.internal;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.FramePool;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;

/**
 * The {@code zerocopy} strategy: a frame's data is the driver buffer itself, requeued when its last handle is
 * released. Two guards keep the driver fed: when fewer than {@code min.queued} buffers are queued the frame is
 * copied into a pooled buffer and requeued at once (GStreamer's copy threshold), and a frame held longer than
 * {@code lease.timeout.ms} is taken back from its holders by one reaper thread.
 *
 * <p>Fallback copies are leased like driver buffers, with the same lease, and the reaper takes them back too;
 * besides, held copies may pin at most {@code max.held.bytes} of pooled memory, beyond which the oldest are taken
 * back early. So a holder who never releases pins at most the driver's buffers and that many bytes of copies,
 * instead of a new pooled buffer per frame for as long as it runs. A copy taken back never returns to the pool
 * (see {@link PooledFrames}). Every take-back is counted as a reclaimed lease of its camera and reported through
 * one rate-limited {@link TakeBackLog}: a warning per holder, then summaries.
 *
 * <p>Threading contract: {@link #wrap} on capture threads (one at a time per session, many sessions at once);
 * {@link #close(DeliveryContext)} on a session's control thread; {@link #update} and {@link #close()} on the
 * configuration thread; the reaper is one daemon thread, {@value #REAPER_THREAD}, scanning every session's
 * {@link LeaseTable} without allocating. A warm {@code wrap} allocates only the frame handle.
 */
public final class ZeroCopyDelivery implements DeliveryStrategy, AutoCloseable {

    /** The reaper thread's name. */
    static final String REAPER_THREAD = "kapture-zerocopy-leases";

    private static final Logger LOG = LoggerFactory.getLogger(ZeroCopyDelivery.class);

    private final TakeBackLog log;
    private final PooledFrames fallback;
    private final LeaseTables tables = new LeaseTables();
    private final TakeBackReporter leaseReporter = this::reportLeaseExpired;
    private final ScheduledThreadPoolExecutor reaper;
    private volatile ZeroCopySettings settings;
    private ScheduledFuture<?> reaping;
    private long reapPeriodMs;

    /**
     * For use outside OSGi (benchmarks, other bundles' tests): copies below {@code minQueued} queued buffers,
     * takes frames back after {@code leaseTimeoutMs}. Starts the reaper thread; {@link #close()} stops it.
     */
    public ZeroCopyDelivery(FramePool pool, int minQueued, long leaseTimeoutMs) {
        this(pool, new ZeroCopySettings(minQueued, leaseTimeoutMs));
    }

    /** Starts the reaper thread; {@link #close()} stops it. */
    ZeroCopyDelivery(FramePool pool, ZeroCopySettings settings) {
        this(pool, settings, new TakeBackLog(LOG));
    }

    /** Reports take-backs to {@code log}; starts the reaper thread, which {@link #close()} stops. */
    ZeroCopyDelivery(FramePool pool, ZeroCopySettings settings, TakeBackLog log) {
        this.log = log;
        this.fallback = new PooledFrames(pool, BufferKind.DIRECT, settings.maxHeldBytes(), this::reportOverLimit);
        this.settings = settings;
        this.reaper = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, REAPER_THREAD);
            thread.setDaemon(true);
            return thread;
        });
        reaper.setRemoveOnCancelPolicy(true);
        schedule(settings);
    }

    /**
     * {@inheritDoc}
     *
     * <p>If the buffer's previous frame still has live handles (the session restarted without
     * {@link #close(DeliveryContext)}), this throws {@link IllegalStateException} and leaves the buffer to that
     * frame, which requeues it on its last release; any other failure requeues the buffer before throwing.
     */
    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        ZeroCopySettings current = settings;
        String holder = Wrapping.captureHolder();
        if (context.queuedBuffers() < current.minQueued()) {
            FrameHandle copy;
            try {
                copy = fallback.copyOf(buffer, context, holder, current.leaseTimeoutNanos());
            } finally {
                context.requeue(buffer);
            }
            context.countFallbackCopy();
            return copy;
        }
        long receivedNanos = System.nanoTime();
        LeasedFrame frame;
        try {
            Wrapping.checkedBytesUsed(buffer, context);
            frame = tables.tableFor(context).frameFor(buffer.index());
        } catch (RuntimeException e) {
            context.requeue(buffer);
            throw e;
        }
        return frame.lease(buffer, receivedNanos, current.leaseTimeoutNanos(), holder);
    }

    /** Listeners hold the driver's buffers themselves (fallback copies aside). */
    @Override
    public boolean lendsDriverBuffers() {
        return true;
    }

    /**
     * Takes back every frame still leased for {@code context}, requeueing each buffer once, without warnings. Call
     * it once the session's capture thread no longer wraps: a frame wrapped concurrently is not taken back here
     * (it still requeues on its last release). A release racing with this call may requeue just after it
     * returns, which a stopped session ignores.
     */
    @Override
    public void close(DeliveryContext context) {
        LeaseTable table = tables.remove(context);
        if (table != null) {
            int requeued = table.takeBackAll();
            LOG.debug("Camera {} stopping: took back {} zero-copy frame(s)", context.camera(), requeued);
        }
    }

    /** New tuning: applies to frames wrapped from now on; the reaper's pace follows the lease. */
    void update(ZeroCopySettings newSettings) {
        this.settings = newSettings;
        fallback.maxHeldBytes(newSettings.maxHeldBytes());
        schedule(newSettings);
    }

    ZeroCopySettings settings() {
        return settings;
    }

    /**
     * Takes back every frame (driver buffer or fallback copy) held past its lease at {@code nowNanos}, and writes
     * a pending summary of take-backs if one is due; what the reaper runs.
     *
     * @return how many frames were taken back
     */
    int reapExpired(long nowNanos) {
        int reclaimed = 0;
        for (LeaseTable table : tables.snapshot()) {
            reclaimed += table.reclaimExpired(nowNanos, leaseReporter);
        }
        reclaimed += fallback.reclaimExpired(nowNanos, leaseReporter);
        log.flushIfDue();
        return reclaimed;
    }

    /** Pooled bytes pinned by fallback copies still held, for tests and diagnostics. */
    long heldCopyBytes() {
        return fallback.heldBytes();
    }

    /** Stops the reaper and takes back every frame still leased, for all sessions. */
    @Override
    public void close() {
        reaper.shutdownNow();
        try {
            if (!reaper.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Zero-copy lease reaper did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int requeued = 0;
        for (LeaseTable table : tables.removeAll()) {
            requeued += table.takeBackAll();
        }
        if (requeued > 0) {
            LOG.info("Zero-copy delivery stopping: took back {} frame(s) still held", requeued);
        }
    }

    private synchronized void schedule(ZeroCopySettings newSettings) {
        long period = newSettings.reapPeriodMs();
        if (reaping != null && period == reapPeriodMs) {
            return;
        }
        if (reaping != null) {
            reaping.cancel(false);
        }
        reapPeriodMs = period;
        reaping = reaper.scheduleWithFixedDelay(this::reap, period, period, TimeUnit.MILLISECONDS);
    }

    private void reap() {
        try {
            reapExpired(System.nanoTime());
        } catch (RuntimeException e) {
            // keep the periodic task alive: an exception would cancel it for good
            LOG.error("Zero-copy lease reaper failed; it keeps running", e);
        }
    }

    private void reportLeaseExpired(String frame, List<String> holders) {
        log.tookBack(frame, holders, "not released within lease.timeout.ms = " + settings.leaseTimeoutMs() + " ms",
                "Release frames sooner (keep only the handles you need and release each one), raise "
                        + "lease.timeout.ms of " + ZeroCopySettings.PID + ", or deliver this camera with the pool "
                        + "strategy (delivery = pool in its io.kapture.camera configuration), which never takes "
                        + "frames back for their age.");
    }

    private void reportOverLimit(String frame, List<String> holders) {
        log.tookBack(frame, holders, "fallback copies still held pinned more than max.held.bytes = "
                + settings.maxHeldBytes() + " bytes of pooled memory, and this was the oldest",
                "Release frames sooner (keep only the handles you need and release each one), or raise "
                        + "max.held.bytes of " + ZeroCopySettings.PID + " (and max.bytes of io.kapture.pool with it).");
    }
}
