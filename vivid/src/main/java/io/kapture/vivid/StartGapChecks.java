package io.kapture.vivid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.delivery.internal.CopyDeliveryComponent;
import io.kapture.delivery.internal.PoolDeliveryComponent;
import io.kapture.delivery.internal.ZeroCopyDeliveryComponent;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.FramePoolComponent;
import io.kapture.v4l2.internal.V4l2SourceProvider;

/**
 * The first frames of a stream at the device's full rate with few buffers, where whatever Kapture does slowly the
 * first time shows: the engine (as {@link EngineChecks} wires it) at vivid's highest rate for {@value #WIDTH}x{@value
 * #HEIGHT} YUYV with {@value #BUFFERS} buffers, the first {@value #WATCHED} frames watched. The delivery strategy is
 * wrapped so that, on the capture thread at every frame, the frame's sequence number, the buffers Kapture counts as
 * queued and how long the frame had waited since the driver's timestamp (its lag) are noted as the strategy sees
 * them. Kapture's queued count cannot tell an empty buffer from one the driver has filled and Kapture not yet
 * dequeued, which is exactly how a slow start starves the driver (all buffers filled, none dequeued); the lag can:
 * a frame dequeued {@value #BUFFERS} - 1 frame periods or more after its timestamp let the driver fill every other
 * buffer meanwhile. A sequence gap with no buffer queued is Kapture starving the driver and fails. A gap within
 * {@value #BUFFERS} frames after a late frame and at least one frame after it (a gap right after a late frame is the
 * whole guest stalling, vivid included) is Kapture too slow at start, and is reported but does not fail: under
 * emulation on a loaded host the guest's JIT and the copy of each frame compete for one host thread, and copy and
 * pool streams then ran 130-220 ms late in one full-suite run and under 35 ms in another. Any other gap is vivid's
 * clock running late or the emulated guest stalled as a whole ({@link DriverClockGap} explains it), reported. A repeated sequence number
 * (two dequeues numbered alike, which vivid does now and then under emulation) is reported too. One stream per
 * strategy, so the check adds a few seconds to the suite.
 *
 * <p>Threading contract: each check runs on the caller's thread; the session runs its own threads, all ended before
 * the check returns.
 */
final class StartGapChecks {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int BUFFERS = 4;
    static final int WATCHED = 40;
    private static final long TIMEOUT_SECONDS = 60;

    private final String device;

    StartGapChecks(String device) {
        this.device = device;
    }

    /** The first {@value #WATCHED} frames with the strategy named {@code delivery}. */
    String firstFrames(String delivery) throws InterruptedException {
        FramePoolComponent pool = Components.activate(FramePoolComponent.class, Map.of());
        V4l2SourceProvider provider = Components.activate(V4l2SourceProvider.class, Map.of("hotplug", false));
        DeliveryStrategy strategy = switch (delivery) {
            case DeliveryStrategy.COPY -> Components.activate(CopyDeliveryComponent.class, Map.of());
            case DeliveryStrategy.POOL -> Components.activate(PoolDeliveryComponent.class, Map.of(), pool);
            case DeliveryStrategy.ZEROCOPY -> Components.activate(ZeroCopyDeliveryComponent.class, Map.of(), pool);
            default -> throw new IllegalArgumentException("no delivery strategy '" + delivery + "'");
        };
        Noting noting = new Noting(strategy);
        CountDownLatch delivered = new CountDownLatch(WATCHED);
        FrameListener listener = frame -> delivered.countDown();
        CaptureSessionImpl session = new CaptureSessionImpl();
        try {
            double fps = highestRate(provider);
            session.setPool(pool);
            session.addProvider(provider);
            session.addStrategy(noting, delivery);
            session.addListener(listener, Subscription.of(listener, Map.of(FrameListener.CAMERA, EngineChecks.CAMERA,
                    FrameListener.NAME, "start-gaps"), "kapture-vivid"));
            session.configure(Map.of("name", EngineChecks.CAMERA, "device", device, "width", WIDTH, "height", HEIGHT,
                    "pixel.format", PixelFormat.YUYV.name(), "fps", fps, "buffers", BUFFERS, "delivery", delivery));
            boolean all = delivered.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            CheckFailure.require(all, "only " + (WATCHED - delivered.getCount()) + " of " + WATCHED
                    + " frames within " + TIMEOUT_SECONDS + " s; session " + session.state() + ", last error "
                    + session.lastError().orElse("none"));
            session.stop();
            return verdict(delivery, fps, noting.ofLastStream());
        } finally {
            session.close();
            session.awaitClosed(30_000);
            Components.deactivate(strategy);
            Components.deactivate(provider);
        }
    }

    private String verdict(String delivery, double fps, List<long[]> frames) {
        CheckFailure.require(frames.size() >= WATCHED, "only " + frames.size() + " frames noted");
        long starvingLag = (long) ((BUFFERS - 1) * 1_000_000.0 / fps);
        List<String> gaps = new ArrayList<>();
        boolean starved = false;
        long longestLag = 0;
        for (int i = 0; i < WATCHED; i++) {
            longestLag = Math.max(longestLag, frames.get(i)[2]);
            if (i == 0) {
                continue;
            }
            long skipped = frames.get(i)[0] - frames.get(i - 1)[0] - 1;
            if (skipped == 0) {
                continue;
            }
            long fewest = Math.min(frames.get(i - 1)[1], frames.get(i)[1]);
            long lag = 0;
            // the lagging frame must come before a run of frames dequeued after it: those filled the other buffers
            for (int j = Math.max(0, i - BUFFERS); j < i - 1; j++) {
                lag = Math.max(lag, frames.get(j)[2]);
            }
            boolean empty = skipped > 0 && fewest == 0;
            boolean late = skipped > 0 && lag >= starvingLag;
            starved |= empty;
            gaps.add((skipped < 0 ? "sequence repeated or going back" : skipped + " lost") + " after frame " + i
                    + " (sequence " + frames.get(i - 1)[0] + " -> " + frames.get(i)[0] + ", " + fewest
                    + " queued, longest lag before it " + lag / 1000 + " ms"
                    + (empty ? ": Kapture's queue empty" : late ? ": Kapture late" : "") + ")");
        }
        StringBuilder queued = new StringBuilder();
        for (int i = 0; i < WATCHED; i++) {
            queued.append(frames.get(i)[1]);
        }
        String report = String.format(Locale.ROOT, "%s: %dx%d YUYV at %.0f fps, %d buffers, first %d frames from "
                + "sequence %d, buffers queued at each: %s, longest lag %d ms (starving from %d ms)", delivery, WIDTH,
                HEIGHT, fps, BUFFERS, WATCHED, frames.get(0)[0], queued, longestLag / 1000, starvingLag / 1000);
        if (starved) {
            throw new CheckFailure(report + "; Kapture's queue ran empty: " + String.join("; ", gaps));
        }
        if (!gaps.isEmpty()) {
            return report + "; gaps with buffers queued: " + String.join("; ", gaps);
        }
        return report + "; no gap";
    }

    /** vivid's highest rate at the checked size. */
    private double highestRate(V4l2SourceProvider provider) {
        for (FormatDescription format : provider.formats(device)) {
            if (format.fourcc() != PixelFormat.YUYV.fourcc()) {
                continue;
            }
            for (FormatDescription.FrameSize size : format.sizes()) {
                if (size.width() == WIDTH && size.height() == HEIGHT && !size.framesPerSecond().isEmpty()) {
                    return size.framesPerSecond().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                }
            }
        }
        throw new CheckFailure(device + " offers no " + WIDTH + "x" + HEIGHT + " YUYV with a frame rate");
    }

    /**
     * The strategy as the engine uses it, noting on the capture thread the sequence and the buffers still queued of
     * every frame it wraps, per delivery context (the engine's rehearsal before streaming has one of its own).
     * Threading: {@link #wrap} on the capture thread only; {@link #ofLastStream} after the stream stopped.
     */
    private static final class Noting implements DeliveryStrategy {
        private static final int CAPACITY = 4096;
        private final DeliveryStrategy strategy;
        private final DeliveryContext[] contexts = new DeliveryContext[CAPACITY];
        private final long[][] noted = new long[CAPACITY][];
        private volatile int count;

        Noting(DeliveryStrategy strategy) {
            this.strategy = strategy;
        }

        @Override
        public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
            int next = count;
            if (next < CAPACITY) {
                contexts[next] = context;
                long lagMicros = (System.nanoTime() - buffer.timestampNanos()) / 1000;
                noted[next] = new long[] {buffer.sequence(), context.queuedBuffers(), lagMicros};
                count = next + 1;
            }
            return strategy.wrap(buffer, context);
        }

        @Override
        public void close(DeliveryContext context) {
            strategy.close(context);
        }

        /** Sequence, buffers queued and lag in µs of each frame of the last context that wrapped one, in order. */
        List<long[]> ofLastStream() {
            int total = count;
            List<long[]> frames = new ArrayList<>();
            if (total == 0) {
                return frames;
            }
            DeliveryContext last = contexts[total - 1];
            for (int i = 0; i < total; i++) {
                if (contexts[i] == last) {
                    frames.add(noted[i]);
                }
            }
            return frames;
        }
    }
}
