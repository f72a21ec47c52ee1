package io.kapture.vivid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DeviceArrivalListener;
import io.kapture.delivery.internal.CopyDeliveryComponent;
import io.kapture.delivery.internal.PoolDeliveryComponent;
import io.kapture.delivery.internal.ZeroCopyDeliveryComponent;
import io.kapture.engine.internal.DeviceReturn;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.FramePoolComponent;
import io.kapture.v4l2.internal.V4l2SourceProvider;

/**
 * The camera pulled out and put back while the engine captures, as Karaf wires it (the V4L2 provider with its
 * hot-plug watcher, the camera's {@link DeviceReturn} bound to it as SCR binds the whiteboard): vivid's platform
 * device is unbound from its driver, as a USB unplug removes a camera, and bound again, or (after the unbind) its
 * module is unloaded and loaded again. The camera must turn FAILED with an error naming the device, leave no
 * descriptor of it, keep the zero-copy frames a listener holds readable and unmap their buffers once they are let
 * go (only then can the module unload), and capture again as soon as the device is back: the retry timer is set far
 * beyond the wait, so the recovery is the hot-plug watcher's doing. The new stream's sequence starts again and the
 * session counts the restart.
 *
 * <p>Threading contract: each check runs on the caller's thread; the session and the watcher run their own threads,
 * all ended before the check returns. Whatever happens, the check leaves vivid loaded and bound.
 */
final class HotplugChecks {

    /** How the camera goes away. */
    enum Unplug { UNBIND, RMMOD }

    private static final Path DRIVER = Path.of("/sys/bus/platform/drivers/vivid");
    private static final double RATE = 10;
    private static final int FRAMES = 5;
    private static final int BUFFERS = 8;
    private static final long RETRY_MS = 300_000;
    private static final long WAIT_SECONDS = 30;

    private final String device;

    HotplugChecks(String device) {
        this.device = device;
    }

    /** Captures with {@code delivery}, holding {@code hold} frames across the unplug, unplugs, replugs, captures. */
    String unplugAndReplug(String delivery, Unplug how, int hold) throws Exception {
        String platformDevice = platformDevice();
        FramePoolComponent pool = Components.activate(FramePoolComponent.class, Map.of());
        V4l2SourceProvider provider = Components.activate(V4l2SourceProvider.class, Map.of("hotplug", true));
        DeliveryStrategy strategy = switch (delivery) {
            case DeliveryStrategy.COPY -> Components.activate(CopyDeliveryComponent.class, Map.of());
            case DeliveryStrategy.POOL -> Components.activate(PoolDeliveryComponent.class, Map.of(), pool);
            case DeliveryStrategy.ZEROCOPY -> Components.activate(ZeroCopyDeliveryComponent.class, Map.of(), pool);
            default -> throw new IllegalArgumentException("no delivery strategy '" + delivery + "'");
        };
        HoldingListener listener = new HoldingListener(hold);
        CaptureSessionImpl session = new CaptureSessionImpl();
        try {
            session.setPool(pool);
            session.addProvider(provider);
            session.addStrategy(strategy, delivery);
            Components.bind(provider, "addArrivalListener", DeviceArrivalListener.class, new DeviceReturn(session));
            session.addListener(listener, Subscription.of(listener, Map.of(FrameListener.CAMERA, EngineChecks.CAMERA,
                    FrameListener.QUEUE_CAPACITY, 64, FrameListener.NAME, "vivid-hotplug"), "kapture-vivid"));
            session.configure(Map.of("name", EngineChecks.CAMERA, "device", device, "width", StreamChecks.WIDTH,
                    "height", StreamChecks.HEIGHT, "pixel.format", PixelFormat.YUYV.name(), "fps", RATE,
                    "buffers", BUFFERS, "delivery", delivery, "retry.interval.ms", RETRY_MS));
            CheckFailure.require(listener.awaitFrames(FRAMES, WAIT_SECONDS, TimeUnit.SECONDS), "only "
                    + listener.count() + " frames before the unplug; " + describe(session));
            long restartsBefore = session.stats().restarts();

            long unplugged = System.nanoTime();
            write(DRIVER.resolve("unbind"), platformDevice);
            awaitOrFail(() -> session.state() == SessionState.FAILED, "FAILED after the unplug", session);
            double failedMs = millisSince(unplugged);
            String error = session.lastError().orElse("");
            CheckFailure.require(error.contains(device), "the error does not name " + device + ": " + error);
            CheckFailure.require(ProcessMappings.descriptorsOf(device) == 0, "a descriptor of " + device
                    + " is still open after the camera failed");
            // the failed stream is closed: every frame it delivered has been handed over, none comes later
            int before = listener.count();
            List<Long> sequencesBefore = listener.sequences();
            int kept = listener.heldCount();
            int takenBack = listener.takenBack();
            CheckFailure.require(!delivery.equals(DeliveryStrategy.ZEROCOPY) || takenBack == kept, "the engine took "
                    + "back " + takenBack + " of the " + kept + " zero-copy frames kept across the unplug");
            long mappedAfterFailure = mappingsOfGone();
            listener.releaseHeld();
            awaitOrFail(() -> mappingsOfGone() == 0, "no mapping of " + device + " once the kept frames are let go",
                    session);

            long replugged = System.nanoTime();
            replug(how, platformDevice);
            awaitOrFail(() -> session.state() == SessionState.RUNNING, "RUNNING again after the device returned",
                    session);
            double runningMs = millisSince(replugged);
            CheckFailure.require(listener.awaitFrames(before + FRAMES, WAIT_SECONDS, TimeUnit.SECONDS), "only "
                    + (listener.count() - before) + " frames after the device returned; " + describe(session));
            List<Long> after = listener.sequences().subList(before, before + FRAMES);
            long lastBefore = sequencesBefore.get(sequencesBefore.size() - 1);
            CheckFailure.require(after.get(0) < lastBefore, "the new stream's sequence did not start again: "
                    + sequencesBefore + " then " + after);
            long restarts = session.stats().restarts() - restartsBefore;
            CheckFailure.require(restarts >= 1, "the session counted no stream restart");
            session.stop();
            CheckFailure.require(ProcessMappings.ofDevice(device) == 0 && ProcessMappings.descriptorsOf(device) == 0,
                    "after stop " + ProcessMappings.ofDevice(device) + " mappings and "
                    + ProcessMappings.descriptorsOf(device) + " descriptors of " + device + " are left");
            return String.format(Locale.ROOT, "%s, %s: FAILED %.0f ms after the unplug (%s), no descriptor left; "
                    + "%d of %d kept frames taken back by the engine (reading them refused), %d mappings left then, 0 "
                    + "once let go; capturing again %.0f ms after the device returned (retry timer %d s), sequence %s "
                    + "then %s, %d restart(s) counted; after stop 0 mappings, 0 descriptors", delivery,
                    how == Unplug.RMMOD ? "unbind + rmmod/insmod" : "unbind/bind", failedMs, error, takenBack, kept,
                    mappedAfterFailure, runningMs, RETRY_MS / 1000,
                    sequencesBefore.subList(sequencesBefore.size() - 2, sequencesBefore.size()), after.subList(0, 2),
                    restarts);
        } finally {
            listener.releaseHeld();
            session.close();
            Components.deactivate(strategy);
            Components.deactivate(provider);
            ensureBound(platformDevice);
        }
    }

    /** Puts the device back; after an unbind for rmmod, first checks that nothing keeps the module in use. */
    private void replug(Unplug how, String platformDevice) throws IOException, InterruptedException {
        if (how == Unplug.RMMOD) {
            Command.run(List.of("rmmod", "vivid"), "unloading vivid once Kapture let go of the device");
            insmod();
        } else {
            write(DRIVER.resolve("bind"), platformDevice);
        }
    }

    /** vivid back as guest/init loaded it, whatever a failed check left: loaded, and this instance bound. */
    private void ensureBound(String platformDevice) throws IOException, InterruptedException {
        if (!Files.isDirectory(DRIVER)) {
            insmod();
        } else if (!Files.exists(DRIVER.resolve(platformDevice))) {
            write(DRIVER.resolve("bind"), platformDevice);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.exists(Path.of(device)) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static void insmod() throws IOException, InterruptedException {
        String module = System.getenv("KAPTURE_VIVID_MODULE");
        String options = System.getenv().getOrDefault("KAPTURE_VIVID_OPTIONS", "");
        CheckFailure.require(module != null && Files.isRegularFile(Path.of(module)), "KAPTURE_VIVID_MODULE ("
                + module + ") names no vivid.ko; guest/init copies it to the scratch folder");
        List<String> command = new ArrayList<>(List.of("insmod", module));
        command.addAll(List.of(options.trim().split("\\s+")));
        Command.run(command, "loading vivid again");
    }

    /** The platform device ({@code vivid.0}) behind the node, from sysfs. */
    private String platformDevice() throws IOException {
        Path node = Path.of("/sys/class/video4linux").resolve(Path.of(device).getFileName()).resolve("device");
        return node.toRealPath().getFileName().toString();
    }

    /** Mappings of the node, also those of a node that is gone ({@code /dev/video0 (deleted)}). */
    private long mappingsOfGone() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(line -> line.endsWith(" " + device) || line.endsWith(" " + device + " (deleted)"))
                    .count();
        } catch (IOException e) {
            throw new CheckFailure("cannot read /proc/self/maps: " + e.getMessage());
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value);
    }

    private static void awaitOrFail(BooleanSupplier condition, String what, CaptureSessionImpl session)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            CheckFailure.require(System.nanoTime() < deadline, "not " + what + " within " + WAIT_SECONDS + " s; "
                    + describe(session));
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private static String describe(CaptureSessionImpl session) {
        return "session " + session.state() + ", last error " + session.lastError().orElse("none");
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
