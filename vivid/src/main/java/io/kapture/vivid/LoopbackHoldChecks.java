package io.kapture.vivid;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.vivid.HeldFrames.Outcome;
import io.kapture.vivid.HeldFrames.Verdict;

/**
 * Frames a listener keeps, from a source that cannot lend its buffers: v4l2loopback 0.12.7 (fed MJPEG by ffmpeg
 * as in {@link MjpegChecks}) writes into its buffers round-robin and hands the reader the buffer at its read
 * position whether or not the reader queued it back, so with the reader's 4 buffers a driver buffer lent to a
 * listener is written over within 4 frames. The camera is configured with {@code zerocopy}, and a listener
 * ({@link HeldFrames}) keeps several frames for 2 s each, 10 frame periods: every kept frame must still hold the bytes
 * it had at delivery when it is let go, none may be taken back, and the stream must not restart. The engine must
 * deliver with {@code pool} instead and say why (the source's reason, naming the driver). Without that fallback
 * kept frames were seen to change after 4 frame periods (the reader's 4 buffers lapped) and the stream to restart.
 *
 * <p>Threading contract: runs on the caller's thread; ffmpeg is a child process and the session runs its own
 * threads, all ended (and the module unloaded) before the check returns.
 */
final class LoopbackHoldChecks {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int RATE = 5;
    /** Frames kept in all: one every third frame after the first 3, each for {@link #HOLD_MILLIS}. */
    private static final int KEPT = 6;
    private static final long HOLD_MILLIS = 2000;
    /** How often the kept frames are checked between deliveries. */
    private static final long POLL_MILLIS = 3;

    private final Path out;

    LoopbackHoldChecks(Path out) {
        this.out = out;
    }

    /** A camera configured with {@code delivery} on the loopback; a listener keeps frames and checks their bytes. */
    String heldFrames(String delivery) throws Exception {
        try (LoopbackFeed feed = LoopbackFeed.start(out, "loopback-held", WIDTH, HEIGHT, RATE,
                List.of("-c:v", "mjpeg", "-q:v", "5"));
                EngineRig engine = new EngineRig(delivery)) {
            feed.awaitWriting(engine.provider());
            HeldFrames held = new HeldFrames(KEPT, 3, 3, HOLD_MILLIS);
            engine.subscribe(held, Map.of(FrameListener.CAMERA, "loopback", FrameListener.NAME, "vivid-held"));
            // between deliveries too: the driver writes over a lent buffer a few ms before the engine notices
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "vivid-held-frames");
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(held::inspect, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            CaptureSessionImpl session = engine.session();
            session.configure(Map.of("name", "loopback", "device", LoopbackFeed.NODE, "width", WIDTH, "height",
                    HEIGHT, "pixel.format", PixelFormat.MJPEG.name(), "fps", (double) RATE, "buffers", 4,
                    "delivery", delivery));
            boolean done;
            try {
                done = held.await(LoopbackFeed.WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                poller.shutdownNow();
            }
            List<Outcome> outcomes = held.finish();
            CaptureStats stats = session.stats();
            String effective = session.effectiveDelivery();
            String fallback = session.deliveryFallback().orElse("none");
            String delivering = "configured " + session.delivery() + ", delivered with " + effective + " (" + fallback
                    + ")";
            String lastError = session.lastError().orElse("none");
            session.stop();
            List<Outcome> bad = outcomes.stream().filter(outcome -> outcome.verdict() != Verdict.INTACT).toList();
            String seen = outcomes.stream().map(Outcome::toString).collect(Collectors.joining("; "));
            CheckFailure.require(bad.isEmpty(), bad.size() + " of " + outcomes.size() + " kept frames did not keep "
                    + "their bytes (" + delivering + "; " + stats.restarts() + " restarts, " + stats.reclaimedLeases()
                    + " leases taken back; last error " + lastError + "): " + seen);
            CheckFailure.require(done, "only " + outcomes.size() + " of " + KEPT + " frames kept and let go within "
                    + LoopbackFeed.WAIT_SECONDS + " s (" + held.delivered() + " delivered); last error " + lastError);
            CheckFailure.require(stats.restarts() == 0, "the stream restarted " + stats.restarts()
                    + " times; last error " + lastError);
            CheckFailure.require(!delivery.equals("zerocopy") || effective.equals("pool")
                    && fallback.contains("v4l2loopback device (driver 'v4l2 loopback')"), "the engine should deliver "
                    + "zero-copy from v4l2loopback with pool and say why; it is " + delivering);
            return delivering + ": " + outcomes.size() + " frames kept " + HOLD_MILLIS + " ms each by a listener "
                    + "kept their bytes (" + held.delivered() + " delivered, no restart, " + stats.reclaimedLeases()
                    + " leases taken back): " + seen;
        }
    }
}
