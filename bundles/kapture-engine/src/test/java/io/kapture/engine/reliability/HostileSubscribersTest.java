package io.kapture.engine.reliability;

import static io.kapture.engine.reliability.Pipeline.configuration;
import static io.kapture.engine.reliability.Pipeline.eventually;
import static io.kapture.engine.reliability.Pipeline.listener;
import static io.kapture.engine.reliability.Pipeline.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * A normal, lossless subscriber on a zero-copy camera, first alone, then next to five hostile subscribers on the
 * same camera: one blocks forever (ignoring interrupts), one throws on every frame, one never releases the
 * frames it retains, one releases twice, one keeps a frame's buffer after releasing it. Each run captures the
 * same number of frames (the source wedges after them, so every counter can settle exactly). The normal
 * subscriber must get every frame, intact and in order, both times; capture must reach the count; every
 * subscriber's frames must add up (captured = delivered + dropped + queued); use after release must throw; and
 * every driver buffer must come back to the driver. The normal subscriber's latency is printed for both runs,
 * not asserted: timings on a shared machine are noise.
 *
 * <p>Runs on the test thread; the cameras run their own threads.
 */
class HostileSubscribersTest {

    private static final long FRAMES = 400;
    private static final FrameFormat FORMAT = FrameFormat.of(160, 120, PixelFormat.YUYV);

    private final Pipeline pipeline = new Pipeline();
    private final Hostiles.BlocksForever blocker = new Hostiles.BlocksForever();
    private final Hostiles.NeverReleases hoarder = new Hostiles.NeverReleases();

    @AfterEach
    void tearDown() {
        blocker.free();
        hoarder.releaseAll();
        pipeline.close();
    }

    @Test
    void normalSubscriberIsUnaffectedByHostileOnes() {
        pipeline.provider.wedgeNewSourcesAfter(FRAMES);
        ListenerStats alone = runNormal("alone", false);
        ListenerStats crowded = runNormal("crowd", true);
        System.out.printf("[reliability] normal subscriber over %d frames at 200 fps, zero-copy:%n"
                + "  alone:         delivered %d, dropped %d, latency p50 %d us, p99 %d us, max %d us%n"
                + "  with hostiles: delivered %d, dropped %d, latency p50 %d us, p99 %d us, max %d us%n", FRAMES,
                alone.delivered(), alone.dropped(), alone.latencyP50Nanos() / 1000, alone.latencyP99Nanos() / 1000,
                alone.latencyMaxNanos() / 1000, crowded.delivered(), crowded.dropped(),
                crowded.latencyP50Nanos() / 1000, crowded.latencyP99Nanos() / 1000, crowded.latencyMaxNanos() / 1000);

        pipeline.close();
        assertEquals(0, pipeline.provider.openSources(), "every device is closed");
        assertEquals(0, pipeline.provider.buffersOut(), "every driver buffer came back");
        long held = hoarder.stillLive();
        assertEquals(held, pipeline.pool.stats().outstanding(),
                "the only pooled buffers out are the fallback copies the hoarder still holds");
        hoarder.releaseAll();
        assertEquals(0, pipeline.pool.stats().outstanding(), "once it lets go, every pooled buffer is back");
        System.out.printf("[reliability] after stop: pool outstanding %d while the hoarder held %d copies, 0 after it"
                + " released them%n", held, held);
    }

    /** Runs camera {@code camera} to {@link #FRAMES} frames with a normal subscriber, and hostiles if asked. */
    private ListenerStats runNormal(String camera, boolean hostiles) {
        CaptureSessionImpl session = pipeline.camera();
        CheckingSubscriber normal = subscribe(session, new CheckingSubscriber(Map.of(camera, FORMAT)), "normal",
                FrameListener.DROP_POLICY, "BLOCK", FrameListener.QUEUE_CAPACITY, 16,
                FrameListener.BLOCK_TIMEOUT_MS, 30_000L);
        Hostiles.ThrowsAlways thrower = new Hostiles.ThrowsAlways();
        Hostiles.ReleasesTwice doubleReleaser = new Hostiles.ReleasesTwice();
        Hostiles.KeepsBufferAfterRelease keeper = new Hostiles.KeepsBufferAfterRelease();
        if (hostiles) {
            subscribe(session, blocker, "blocks-forever");
            subscribe(session, thrower, "throws");
            subscribe(session, hoarder, "never-releases");
            subscribe(session, doubleReleaser, "releases-twice");
            subscribe(session, keeper, "keeps-buffer");
        }
        session.configure(configuration(camera, "delivery", "zerocopy", "fps", 200.0));
        session.awaitSettled();
        FaultySource source = awaitSource(camera);

        eventually(() -> session.stats().captured() == FRAMES);
        eventually(() -> normal.frames() == FRAMES);
        eventually(() -> session.stats().listeners().stream()
                .filter(stats -> !stats.name().equals("blocks-forever")).allMatch(stats -> stats.queued() == 0));
        eventually(() -> source.buffersOut() == 0);
        CaptureStats stats = session.stats();
        assertEquals(SessionState.RUNNING, session.state(), "the camera keeps running");
        assertEquals(FRAMES, stats.captured());
        assertEquals(0, normal.bad(), "normal subscriber saw a wrong frame: " + normal.firstBad());
        ListenerStats normalStats = listener(stats, "normal");
        assertEquals(FRAMES, normalStats.delivered(), "the lossless subscriber got every frame");
        assertEquals(0, normalStats.dropped());
        for (ListenerStats subscriber : stats.listeners()) {
            assertEquals(stats.captured(), subscriber.delivered() + subscriber.dropped() + subscriber.queued(),
                    "frames of " + subscriber.name() + " add up: " + subscriber);
        }
        if (hostiles) {
            checkHostiles(stats, thrower, doubleReleaser, keeper);
        }
        return normalStats;
    }

    private void checkHostiles(CaptureStats stats, Hostiles.ThrowsAlways thrower, Hostiles.ReleasesTwice doubleReleaser,
            Hostiles.KeepsBufferAfterRelease keeper) {
        ListenerStats blocked = listener(stats, "blocks-forever");
        assertTrue(blocker.entered());
        assertEquals(1, blocked.delivered(), "the blocked subscriber is stuck in its first frame");
        assertEquals(blocked.queueCapacity(), blocked.queued(), "its queue is full");
        ListenerStats throwing = listener(stats, "throws");
        assertEquals(thrower.calls(), throwing.errors(), "every throw is counted");
        assertEquals(throwing.delivered(), throwing.errors());
        assertTrue(doubleReleaser.attempts() > 0);
        assertEquals(doubleReleaser.attempts(), doubleReleaser.raised(), "reading a released frame throws");
        assertTrue(keeper.attempts() > 0);
        assertEquals(keeper.attempts(), keeper.raised(), "reading a released frame throws");
        assertTrue(stats.reclaimedLeases() > 0, "frames held past the lease were taken back");
        assertEquals(0, hoarderLeasesStillLive(), "no zero-copy frame stays leased");
        System.out.printf("[reliability] with hostiles: captured %d, driver gaps %d, zero-copy fallback copies %d, "
                + "reclaimed leases %d%n", stats.captured(), stats.sequenceGaps(), stats.fallbackCopies(),
                stats.reclaimedLeases());
        for (ListenerStats subscriber : stats.listeners()) {
            System.out.printf("  %-15s delivered %4d  dropped by %-11s %4d  queued %2d  errors %4d%n",
                    subscriber.name(), subscriber.delivered(), subscriber.policy(), subscriber.dropped(),
                    subscriber.queued(), subscriber.errors());
        }
        System.out.printf("  use after release: releases-twice %d/%d raised, keeps-buffer %d/%d raised; the kept"
                + " buffer already showed another frame %d of %d times%n", doubleReleaser.raised(),
                doubleReleaser.attempts(), keeper.raised(), keeper.attempts(), keeper.staleOverwritten(),
                keeper.attempts());
    }

    /**
     * Handles the hoarder keeps that are still live. Zero-copy leases are taken back; what may stay live are
     * fallback copies (pooled, not leased), which are then exactly the pool's outstanding buffers.
     */
    private long hoarderLeasesStillLive() {
        long live = hoarder.stillLive();
        long outstanding = pipeline.pool.stats().outstanding();
        return live - Math.min(live, outstanding);
    }

    private FaultySource awaitSource(String camera) {
        eventually(() -> pipeline.provider.opens("synthetic:" + camera) > 0);
        return pipeline.provider.latest("synthetic:" + camera);
    }
}
