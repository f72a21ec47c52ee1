package io.kapture.v4l2.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.SessionState;
import io.kapture.delivery.internal.ZeroCopyDelivery;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * The whole pipeline (engine session, zero-copy delivery, frame pool) over the V4L2 provider and the userspace
 * V4L2 simulation, with the device faults a gateway sees: the camera unplugged mid-stream and plugged back in,
 * flagged frames, while one subscriber hoards every frame and another keeps reading a frame's buffer after
 * releasing it. The device's descriptor and buffer mappings must be released while it is away and at the end,
 * the hoarded zero-copy frames taken back, the stale buffer readable without a crash (the driver mapping of a
 * buffer still out is replaced, not unmapped), and the camera must resume by itself.
 *
 * <p>Runs on the test thread; the session runs its own threads.
 */
class EnginePipelineFaultsTest {

    private static final String BY_ID = "/dev/v4l/by-id/usb-Sim_Webcam_0001-video-index0";

    @TempDir
    Path root;

    private SimulatedKernel kernel;
    private SimDevice webcam;
    private V4l2SourceProvider provider;
    private final BoundedFramePool pool = new BoundedFramePool(64L << 20);
    private ZeroCopyDelivery zeroCopy;
    private final CaptureSessionImpl session = new CaptureSessionImpl();
    private final Counting normal = new Counting();
    private final Hoarding hoarder = new Hoarding();
    private final KeepingBuffer keeper = new KeepingBuffer();

    @BeforeEach
    void plugIn() {
        kernel = new SimulatedKernel(root);
        webcam = kernel.add(0, SimCamera.webcam("Sim Webcam"), "usb-Sim_Webcam_0001-video-index0", null);
        provider = new V4l2SourceProvider(kernel, kernel.devRoot(), kernel.sysRoot(), false,
                new SimDeviceNumbers(kernel));
        zeroCopy = new ZeroCopyDelivery(pool, 1, 100);
        session.addProvider(provider);
        session.setPool(pool);
        session.addStrategy(zeroCopy, "zerocopy");
        subscribe(normal, "normal", "BLOCK");
    }

    @AfterEach
    void unplug() {
        session.close();
        session.awaitClosed(30_000);
        zeroCopy.close();
        hoarder.releaseAll();
        provider.deactivate();
    }

    @Test
    void anUnpluggedCameraReleasesEverythingAndResumesWhenPluggedBackIn() {
        subscribe(hoarder, "hoarder", "DROP_OLDEST");
        subscribe(keeper, "keeper", "DROP_OLDEST");
        webcam.current().queue().errorEvery(5);
        session.configure(configuration());
        eventually(() -> session.state() == SessionState.RUNNING && normal.frames.get() >= 50);

        webcam.unplug();
        eventually(() -> session.state() == SessionState.FAILED);
        String error = session.lastError().orElseThrow();
        eventually(() -> kernel.openDescriptors() == 0 && kernel.clientMappings() == 0);
        long beforeReturn = normal.frames.get();
        assertTrue(hoarder.kept.stream().filter(frame -> !frame.isReleased()).count() <= pool.stats().outstanding(),
                "every hoarded zero-copy frame was taken back; only pooled fallback copies stay with the hoarder");
        long staleReads = keeper.readStale();

        webcam.replug();
        eventually(() -> session.state() == SessionState.RUNNING && normal.frames.get() >= beforeReturn + 50);
        session.close();
        session.awaitClosed(30_000);

        assertEquals(0, kernel.openDescriptors(), "no descriptor left");
        assertEquals(0, kernel.clientMappings(), "no buffer mapping left");
        assertEquals(0, normal.bad.get(), "every frame named its camera and had its size");
        assertTrue(normal.corrupted.get() > 0, "flagged frames arrived flagged");
        assertTrue(error.contains(BY_ID), "the error names the device: " + error);
        System.out.printf("[reliability] V4L2 simulation, unplugged mid-stream: \"%s\"; resumed after replug; "
                + "%d frames to the normal subscriber (%d flagged corrupted), %d hoarded, %d reclaimed leases, "
                + "stale buffer read %d times without a crash; 0 descriptors and 0 mappings left%n", error,
                normal.frames.get(), normal.corrupted.get(), hoarder.kept.size(), session.stats().reclaimedLeases(),
                staleReads);
    }

    @Test
    void aResolutionChangeRestartsTheCameraWhichKeepsDelivering() {
        session.configure(configuration());
        eventually(() -> session.state() == SessionState.RUNNING && normal.frames.get() >= 20);
        long restarts = session.stats().restarts();

        webcam.current().sourceChange();
        eventually(() -> session.stats().restarts() > restarts);
        long afterRestart = normal.frames.get();
        eventually(() -> session.state() == SessionState.RUNNING && normal.frames.get() >= afterRestart + 20);

        assertEquals(restarts + 1, session.stats().restarts(), "one restart, for the source change");
        assertTrue(kernel.calls("VIDIOC_DQEVENT") >= 1, "the event was taken");
        assertEquals(0, normal.bad.get(), "every frame named its camera and had its size");
        System.out.printf("[reliability] V4L2 simulation, source change event: camera restarted (%d restarts), "
                + "%d frames to the normal subscriber%n", session.stats().restarts() - restarts, normal.frames.get());
    }

    private Map<String, Object> configuration() {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("service.pid", "io.kapture.camera~webcam");
        configuration.put("device", BY_ID);
        configuration.put("width", 640);
        configuration.put("height", 480);
        configuration.put("pixel.format", "YUYV");
        configuration.put("fps", 30.0);
        configuration.put("buffers", 4);
        configuration.put("delivery", "zerocopy");
        configuration.put("retry.interval.ms", 50L);
        configuration.put("stall.timeout.ms", 0L);
        return configuration;
    }

    private void subscribe(FrameListener listener, String name, String policy) {
        session.addListener(listener, Subscription.of(listener,
                Map.of(FrameListener.NAME, name, FrameListener.DROP_POLICY, policy), "test"));
    }

    private static void eventually(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(condition);
    }

    /** Counts frames, checking camera and size; threading: its delivery thread writes, the test reads. */
    private static final class Counting implements FrameListener {
        final AtomicLong frames = new AtomicLong();
        final AtomicLong bad = new AtomicLong();
        final AtomicLong corrupted = new AtomicLong();

        @Override
        public void onFrame(Frame frame) {
            frames.incrementAndGet();
            if (!frame.camera().equals("webcam") || frame.bytesUsed() != 640 * 480 * 2) {
                bad.incrementAndGet();
            }
            if (frame.isCorrupted()) {
                corrupted.incrementAndGet();
            }
        }
    }

    /** Retains every frame and never releases it until told; threading: as {@link Counting}. */
    private static final class Hoarding implements FrameListener {
        final List<Frame> kept = new CopyOnWriteArrayList<>();

        @Override
        public void onFrame(Frame frame) {
            kept.add(frame.retain("hoarder"));
        }

        void releaseAll() {
            kept.forEach(Frame::release);
        }
    }

    /** Keeps the data buffer of the latest frame after releasing it; threading: as {@link Counting}. */
    private static final class KeepingBuffer implements FrameListener {
        private final List<ByteBuffer> stale = new CopyOnWriteArrayList<>();

        @Override
        public void onFrame(Frame frame) {
            if (stale.size() < 16) {
                stale.add(frame.data());
            }
        }

        /** Reads every kept buffer end to end; returns how many bytes were read. */
        long readStale() {
            long read = 0;
            for (ByteBuffer buffer : stale) {
                for (int i = 0; i < buffer.limit(); i += 4096) {
                    buffer.get(i);
                    read++;
                }
            }
            return read;
        }
    }
}
