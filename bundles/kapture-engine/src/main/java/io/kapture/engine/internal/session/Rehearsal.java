package io.kapture.engine.internal.session;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.engine.internal.fanout.FanOut;
import io.kapture.engine.internal.fanout.QueueSpec;
import io.kapture.engine.internal.fanout.Subscriber;
import io.kapture.engine.internal.fanout.Subscription;

/**
 * A dry run of the delivery path before a stream's source starts streaming: {@value #FRAMES} small frames of a
 * stand-in source ({@link RehearsalSource}) go through the very code real frames take — {@link CaptureLoop}, the
 * stream's delivery strategy, a {@link FanOut}, two {@link Subscriber}s (one called on the capture thread as a
 * stream's first listener is, one with its queue and delivery thread) and listeners that do nothing — and are
 * released and requeued as real ones are.
 *
 * <p>Why: a driver has few buffers (4 at 40 fps is 100 ms of slack). Without the rehearsal the first real frames
 * paid for everything done for the first time — loading and initialising the classes of the delivery path, its
 * first allocations, code run by the interpreter — and on a slow machine (an emulated guest) all buffers filled
 * before the first frame reached its listener, so the driver dropped 6 to 18 frames right after the first 4.
 *
 * <p>Why so few frames: enough to load and initialise everything and take each branch of the common path, too few
 * to make the JIT compile it now. With 256 (enough for its first tier) the compilations it triggered ran in the
 * first second of the stream, and in the emulated guest at 40 fps with 4 buffers the capture thread then
 * dequeued frames up to 430 ms late (copy; pool 131 ms) against 35 ms (copy; pool under 1 ms) with 16, and 1,423
 * ms (copy; pool 188) with no rehearsal (vivid check {@code start-gaps-*}, one run each, host load average 14-15).
 *
 * <p>Nothing of it is seen outside: it has its own counters, context and fan-out, its listener is its own, and
 * whatever the strategy still holds for its context is given back before it returns. The strategy's pool, if it
 * has one, serves its few 4 KiB buffers. A failure is logged and otherwise ignored: a rehearsal never stops a
 * camera from starting.
 *
 * <p>Threading contract: {@link #run} runs on the session's control thread, where the capture loop of the rehearsal
 * runs too; its subscribers have delivery threads of their own, ended before {@link #run} returns.
 */
final class Rehearsal {

    /** Frames rehearsed: every class and branch of the common path, without setting the JIT off (see above). */
    static final int FRAMES = 16;
    /** The stand-in buffers' size: the path is the same for any size, and a small one costs nothing to copy. */
    static final int FRAME_BYTES = 4096;
    /** Bounds the whole rehearsal, should anything on its path wait longer than it should. */
    static final long LONGEST_MILLIS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(Rehearsal.class);
    private static final FrameListener NOTHING = frame -> { };
    private static final FrameListener NOTHING_ON_ITS_THREAD = frame -> { };
    private static final StreamEvents FAILURES = new StreamEvents() {
        @Override
        public void streamFailed(Stream stream, Throwable cause) {
            LOG.debug("Delivery rehearsal failed; the stream starts anyway", cause);
        }

        @Override
        public void streamStalled(Stream stream, long millis) {
            // the rehearsal runs without a stall timeout
        }
    };

    private Rehearsal() {
    }

    /**
     * Rehearses {@code strategy} for camera {@code camera}: returns once every rehearsed frame is released and the
     * rehearsal's delivery thread has ended.
     *
     * @param queueCapacity the camera's default listener queue capacity
     */
    static void run(String camera, FrameFormat format, NamedStrategy strategy, int queueCapacity) {
        long started = System.nanoTime();
        RehearsalSource source = new RehearsalSource(FRAMES, FRAME_BYTES,
                started + TimeUnit.MILLISECONDS.toNanos(LONGEST_MILLIS));
        StreamCounters counters = new StreamCounters();
        StreamContext context = new StreamContext(camera, format, source, source.bufferCount(), counters);
        FanOut fanOut = new FanOut();
        Subscription subscription = new Subscription("rehearsal", "kapture-engine", camera, List.of(camera),
                null, null, Subscription.DEFAULT_BLOCK_TIMEOUT_MS);
        QueueSpec queue = new QueueSpec(Math.max(1, queueCapacity), DropPolicy.BLOCK,
                Subscription.DEFAULT_BLOCK_TIMEOUT_MS);
        // the first is called on the capture thread (inline), the second on its own thread: both paths rehearsed
        for (FrameListener listener : List.of(NOTHING, NOTHING_ON_ITS_THREAD)) {
            Subscriber subscriber = new Subscriber(camera, listener, subscription, queue);
            fanOut.add(subscriber);
            subscriber.start();
        }
        CaptureLoop loop = new CaptureLoop(null, source, context, counters, fanOut, FAILURES, strategy, 0);
        source.whenDone(loop::requestStop);
        try {
            loop.go();
            loop.run();
        } catch (RuntimeException e) {
            LOG.debug("Delivery rehearsal failed; the stream starts anyway", e);
        } finally {
            Subscriber.closeAll(fanOut.removeAll());
            try {
                strategy.strategy().close(context);
            } catch (RuntimeException e) {
                LOG.debug("Delivery strategy '{}' failed to close its rehearsal", strategy.name(), e);
            }
            context.shutdown();
        }
        LOG.debug("Camera {}: rehearsed {} frames of the '{}' delivery path in {} ms", camera, counters.captured(),
                strategy.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
