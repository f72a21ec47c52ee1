package io.kapture.v4l2.sim;

import java.util.concurrent.locks.LockSupport;

/**
 * A simulated camera's capture clock: a thread of its own that {@link SimQueue#tick ticks} the current instance's
 * queue at a fixed rate, on an absolute schedule (a late wake-up does not slow the rate), with on-demand frames
 * switched off, so that frames come as from a driver: one per period while streaming, lost when no buffer is
 * queued. Each lost frame is recorded with the number of frames captured before it, so that a test can tell where
 * in the stream the driver ran dry.
 *
 * <p>Threading contract: {@link #start} and {@link #close} from one thread; the queries from any thread.
 */
public final class PacedDriver implements AutoCloseable {

    /** The clock thread's name. */
    public static final String THREAD = "sim-v4l2-driver";

    private final SimDevice device;
    private final long periodNanos;
    private final Thread clock;
    private final long[] losses = new long[1024];
    private volatile int lossCount;
    private volatile long ticks;
    private volatile boolean running = true;

    /** A clock for {@code device} at {@code fps}; call {@link #start}. */
    public PacedDriver(SimDevice device, double fps) {
        this.device = device;
        this.periodNanos = (long) (1_000_000_000L / fps);
        device.current().queue().autoFrames(false);
        this.clock = new Thread(this::run, THREAD);
        clock.setDaemon(true);
    }

    public PacedDriver start() {
        clock.start();
        return this;
    }

    /** Ticks while streaming so far: frames captured plus frames lost. */
    public long frames() {
        return ticks;
    }

    /** For each frame lost so far (the first 1024), how many frames of the stream came before it. */
    public synchronized long[] losses() {
        long[] copy = new long[Math.min(lossCount, losses.length)];
        System.arraycopy(losses, 0, copy, 0, copy.length);
        return copy;
    }

    private void run() {
        long next = System.nanoTime() + periodNanos;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            next += periodNanos;
            SimInstance instance = device.current();
            int outcome = instance == null ? SimQueue.IDLE : instance.queue().tick();
            if (outcome == SimQueue.IDLE) {
                continue;
            }
            boolean lost = outcome == SimQueue.LOST;
            synchronized (this) {
                if (lost && lossCount < losses.length) {
                    losses[lossCount] = ticks;
                }
                if (lost) {
                    lossCount++;
                }
                ticks++;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        clock.join();
    }
}
