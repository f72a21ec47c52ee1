package io.kapture.vivid;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerStats;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.delivery.internal.CopyDeliveryComponent;
import io.kapture.delivery.internal.PoolDeliveryComponent;
import io.kapture.delivery.internal.ZeroCopyDeliveryComponent;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.FramePoolComponent;
import io.kapture.v4l2.internal.V4l2SourceProvider;

/**
 * End-to-end checks through Kapture's engine, as Karaf wires it but without OSGi: the V4L2 provider, the frame
 * pool and one delivery strategy made as SCR makes them ({@link Components}), a {@link CaptureSessionImpl}
 * configured like a camera's factory configuration, and a {@link FrameRecorder} subscribed as a whiteboard
 * listener would be. Each strategy must deliver contiguous frames showing vivid's colour bars (a gap while buffers
 * stayed queued at every frame is vivid's clock, a {@link DriverClockGap}, and retried; a gap after the queue ran
 * empty fails), from where the
 * strategy says (zero-copy from the driver's own mapping, copy and pool from elsewhere), and leave no mapping
 * or descriptor of the device once the session stops.
 *
 * <p>Threading contract: each check runs on the caller's thread; the session runs its own capture, control and
 * delivery threads, all ended before the check returns.
 */
final class EngineChecks {

    static final String CAMERA = "vivid";
    private static final long FRAMES_TIMEOUT_SECONDS = 60;

    private final String device;

    EngineChecks(String device) {
        this.device = device;
    }

    /** {@code frames} frames through the engine with the strategy named {@code delivery}. */
    String strategy(String delivery, int frames) throws IOException, InterruptedException {
        FramePoolComponent pool = Components.activate(FramePoolComponent.class, Map.of());
        V4l2SourceProvider provider = Components.activate(V4l2SourceProvider.class, Map.of("hotplug", false));
        DeliveryStrategy strategy = switch (delivery) {
            case DeliveryStrategy.COPY -> Components.activate(CopyDeliveryComponent.class, Map.of());
            case DeliveryStrategy.POOL -> Components.activate(PoolDeliveryComponent.class, Map.of(), pool);
            case DeliveryStrategy.ZEROCOPY -> Components.activate(ZeroCopyDeliveryComponent.class, Map.of(), pool);
            default -> throw new IllegalArgumentException("no delivery strategy '" + delivery + "'");
        };
        FrameRecorder recorder = new FrameRecorder(frames);
        CaptureSessionImpl session = new CaptureSessionImpl();
        recorder.watchQueue(() -> session.stats().queuedBuffers());
        try {
            session.setPool(pool);
            session.addProvider(provider);
            session.addStrategy(strategy, delivery);
            session.addListener(recorder, Subscription.of(recorder, Map.of(FrameListener.CAMERA, CAMERA,
                    FrameListener.QUEUE_CAPACITY, frames + 32, FrameListener.NAME, "vivid-checker"), "kapture-vivid"));
            session.configure(Map.of("name", CAMERA, "device", device, "width", StreamChecks.WIDTH,
                    "height", StreamChecks.HEIGHT, "pixel.format", PixelFormat.YUYV.name(), "fps", StreamChecks.RATE,
                    "buffers", StreamChecks.BUFFERS, "delivery", delivery));
            boolean arrived = recorder.await(FRAMES_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            CheckFailure.require(arrived, "only " + recorder.sequences().size() + " of " + frames + " frames within "
                    + FRAMES_TIMEOUT_SECONDS + " s; session " + session.state() + ", last error "
                    + session.lastError().orElse("none"));
            long inMapping = framesInDeviceMappings(recorder);
            CaptureStats running = session.stats();
            session.stop();
            CheckFailure.require(session.state() == SessionState.STOPPED, "state after stop: " + session.state());
            return verify(delivery, frames, recorder, inMapping, running, session.stats(), pool.stats());
        } finally {
            session.close();
            session.awaitClosed(30_000);
            Components.deactivate(strategy);
            Components.deactivate(provider);
        }
    }

    private String verify(String delivery, int frames, FrameRecorder recorder, long inMapping, CaptureStats running,
            CaptureStats stopped, FramePoolStats poolStats) throws IOException {
        if (recorder.firstGap() != null || stopped.sequenceGaps() > 0) {
            String where = recorder.firstGap() != null ? recorder.firstGap() : "after the recorded frames";
            String gap = delivery + ": " + where + ", " + stopped.sequenceGaps() + " gaps counted by the session;"
                    + " at least " + recorder.fewestQueued() + " of " + StreamChecks.BUFFERS
                    + " buffers queued at every recorded frame";
            if (recorder.fewestQueued() > 0) {
                throw new DriverClockGap(gap);
            }
            throw new CheckFailure(gap + ": the driver ran dry");
        }
        CheckFailure.require(recorder.problems().isEmpty(), "wrong content: " + recorder.problems());
        CheckFailure.require(CAMERA.equals(recorder.camera()), "frames name camera '" + recorder.camera() + "'");
        CheckFailure.require(recorder.format().width() == StreamChecks.WIDTH
                && recorder.format().pixelFormat() == PixelFormat.YUYV, "frames are " + recorder.format());
        CheckFailure.require(stopped.corrupted() == 0, "session counted " + stopped.corrupted()
                + " corrupted frames");
        ListenerStats mine = stopped.listeners().stream().filter(l -> l.name().equals("vivid-checker")).findFirst()
                .orElseThrow(() -> new CheckFailure("the checker's listener is missing from " + stopped.listeners()));
        CheckFailure.require(mine.dropped() == 0 && mine.errors() == 0, "listener dropped " + mine.dropped()
                + " frames, threw " + mine.errors() + " times");
        CheckFailure.require(stopped.reclaimedLeases() == 0, stopped.reclaimedLeases() + " leases reclaimed");
        long mappings = ProcessMappings.ofDevice(device);
        long descriptors = ProcessMappings.descriptorsOf(device);
        CheckFailure.require(mappings == 0 && descriptors == 0, "after stop " + mappings + " mappings and "
                + descriptors + " descriptors of " + device + " are left");

        String where = switch (delivery) {
            case DeliveryStrategy.ZEROCOPY -> {
                long copied = stopped.fallbackCopies();
                CheckFailure.require(inMapping > 0 && inMapping + copied >= frames, "zero-copy: only " + inMapping
                        + " of " + frames + " frames' data lie in the driver's mappings, " + copied
                        + " fallback copies");
                yield inMapping + " frames' data inside the driver's mmap of " + device + ", " + copied
                        + " fallback copies";
            }
            case DeliveryStrategy.POOL -> {
                CheckFailure.require(inMapping == 0, "pool: " + inMapping + " frames point into the driver's mapping");
                CheckFailure.require(poolStats.gets() >= frames && poolStats.outstanding() == 0, "pool stats "
                        + poolStats + " after " + frames + " frames");
                yield "copies in pooled " + (recorder.directFrames() > 0 ? "direct" : "heap") + " buffers ("
                        + poolStats.gets() + " gets, " + poolStats.allocations() + " allocations, 0 outstanding)";
            }
            default -> {
                CheckFailure.require(inMapping == 0, "copy: " + inMapping + " frames point into the driver's mapping");
                CheckFailure.require(recorder.directFrames() == 0, "copy: " + recorder.directFrames()
                        + " frames in direct memory, expected heap arrays");
                yield "heap copies";
            }
        };
        List<Long> sequences = recorder.sequences();
        return delivery + ": " + frames + " frames, sequence " + sequences.get(0) + ".."
                + sequences.get(sequences.size() - 1) + " without a gap, all colour bars, " + where + "; "
                + running.captured() + " captured at " + String.format(Locale.ROOT, "%.1f", running.fps())
                + " fps, at least " + recorder.fewestQueued() + " buffers queued; after stop 0 mappings, 0 descriptors";
    }

    /** How many recorded frames' data addresses lie inside the device's mappings (now, while streaming). */
    private long framesInDeviceMappings(FrameRecorder recorder) throws IOException {
        List<long[]> ranges = ProcessMappings.rangesOf(device);
        return recorder.addresses().stream()
                .filter(address -> ranges.stream().anyMatch(r -> Long.compareUnsigned(address, r[0]) >= 0
                        && Long.compareUnsigned(address, r[1]) < 0))
                .count();
    }
}
