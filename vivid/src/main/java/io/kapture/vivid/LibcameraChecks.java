package io.kapture.vivid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.FormatDescription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Sources;
import io.kapture.vivid.CompressedRecorder.Recorded;

/**
 * libcamera cameras through libcamera's V4L2 compatibility layer, the way Raspberry Pi Camera Module 3 users reach
 * them with V4L2 programs: this JVM runs with {@code v4l2-compat.so} preloaded (guest/checks.sh, libcamera suite),
 * which takes over the node of vimc's camera that libcamera's vimc pipeline streams from ("RGB/YUV Capture") and
 * answers Kapture's V4L2 calls from libcamera. Kapture's V4L2 binding must reach libcamera there (QUERYCAP says driver
 * {@code libcamera}), and the engine must capture frames from it. {@link CompatCalls} then tries each V4L2 call the
 * layer may not support and what Kapture does in each case.
 *
 * <p>Threading contract: runs on the caller's thread; the session runs its own threads, ended before a check returns.
 */
final class LibcameraChecks {

    private static final String CAPTURE_NAME = "RGB/YUV Capture";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FRAMES = 10;
    private static final long WAIT_SECONDS = 60;

    private final Path out;

    LibcameraChecks(Path out) {
        this.out = out;
    }

    /** The node of vimc's camera libcamera streams from, found by its name in sysfs. */
    static String node() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/sys/class/video4linux"))) {
            for (Path entry : entries.sorted().toList()) {
                Path name = entry.resolve("name");
                if (Files.exists(name) && Files.readString(name).trim().equals(CAPTURE_NAME)) {
                    return "/dev/" + entry.getFileName();
                }
            }
        }
        throw new CheckFailure("no video node named '" + CAPTURE_NAME + "': vimc is not loaded");
    }

    /** Kapture's V4L2 binding reaches libcamera on vimc's node: QUERYCAP, formats and sizes come from libcamera. */
    String compatOpen() throws IOException {
        String preload = System.getenv("LD_PRELOAD");
        CheckFailure.require(preload != null && preload.contains("v4l2-compat"), "this JVM runs without libcamera's "
                + "v4l2-compat.so preloaded (LD_PRELOAD=" + preload + ")");
        String node = node();
        try (V4l2CaptureSource source = V4l2Sources.open(node)) {
            DeviceInfo info = source.info();
            CheckFailure.require(info.driver().equals("libcamera"), node + " answers as driver '" + info.driver()
                    + "', not libcamera: the compatibility layer did not take it over");
            List<FormatDescription> formats = source.formats();
            CheckFailure.require(!formats.isEmpty(), node + " lists no format through libcamera");
            return node + " is driver libcamera, card '" + info.card() + "', bus '" + info.bus() + "'; formats "
                    + formats.stream().map(format -> format.fourccString() + " " + format.sizes().size() + " sizes"
                            + (format.sizes().stream().anyMatch(size -> !size.framesPerSecond().isEmpty()) ? ""
                                    : " (no frame rates)")).collect(Collectors.joining(", "));
        }
    }

    /** The engine captures {@code FRAMES} frames through libcamera with {@code delivery}. */
    String engine(String delivery) throws Exception {
        String node = node();
        PixelFormat format = captureFormat(node);
        // zero-copy is delivered with pool (the layer cannot lend its buffers); were it not, a held frame would be
        // taken back after 1 s, well before the camera's 5 s stall time-out
        try (EngineRig engine = new EngineRig(delivery, delivery.equals("zerocopy")
                ? Map.of("lease_timeout_ms", 1000L) : Map.of())) {
            // raw frames: every one counts
            CompressedRecorder frames = new CompressedRecorder(FRAMES, bytes -> true);
            engine.subscribe(frames, Map.of(FrameListener.CAMERA, "libcamera", FrameListener.QUEUE_CAPACITY,
                    FRAMES * 2 + 4, FrameListener.NAME, "vivid-libcamera"));
            // a consumer still working on a zero-copy frame while later ones come back: buffers return out of order
            HoldingListener holder = new HoldingListener(delivery.equals("zerocopy") ? 1 : 0);
            engine.subscribe(holder, Map.of(FrameListener.CAMERA, "libcamera", FrameListener.NAME, "vivid-holder"));
            CaptureSessionImpl session = engine.session();
            session.configure(Map.of("name", "libcamera", "device", node, "width", WIDTH, "height", HEIGHT,
                    "pixel.format", format.name(), "fps", 30.0, "buffers", 4, "delivery", delivery));
            boolean arrived = frames.await(WAIT_SECONDS, TimeUnit.SECONDS);
            int held = holder.heldCount();
            int takenBack = holder.takenBack();
            String effective = session.effectiveDelivery();
            String fallback = session.deliveryFallback().orElse("none");
            holder.releaseHeld();
            CheckFailure.require(arrived, "only " + frames.frames().size() + " of " + FRAMES + " frames within "
                    + WAIT_SECONDS + " s (" + held + " held by a listener); session " + session.state()
                    + ", last error " + session.lastError().orElse("none"));
            CaptureStats stats = session.stats();
            CheckFailure.require(stats.restarts() == 0, "the stream restarted " + stats.restarts() + " times; last "
                    + "error " + session.lastError().orElse("none"));
            CheckFailure.require(!delivery.equals("zerocopy") || effective.equals("pool")
                    && fallback.contains("libcamera's V4L2 compatibility layer (driver 'libcamera')"), "configured "
                    + "zerocopy on libcamera's layer should be delivered with pool, saying why; it is delivered with "
                    + effective + " (" + fallback + ")");
            CheckFailure.require(takenBack == 0 && stats.reclaimedLeases() == 0, "the engine took back " + takenBack
                    + " of the " + held + " frames a listener held (" + stats.reclaimedLeases() + " leases): a "
                    + "pooled copy is the listener's for as long as it wants");
            String figures = "; delivered with " + effective + " (" + fallback + "); " + held + " frame held by a "
                    + "listener, still readable, " + stats.fallbackCopies() + " fallback copies, no restart";
            List<String> adjustments = session.adjustments();
            FrameFormat negotiated = session.format().orElseThrow();
            session.stop();
            return delivery + ": " + verify(frames, format, negotiated) + "; adjustments " + adjustments + figures;
        }
    }

    /** The first format libcamera offers on the node that Kapture knows. */
    private static PixelFormat captureFormat(String node) {
        try (V4l2CaptureSource source = V4l2Sources.open(node)) {
            for (FormatDescription offered : source.formats()) {
                for (PixelFormat known : PixelFormat.values()) {
                    if (known.fourcc() == offered.fourcc() && !known.isCompressed()) {
                        return known;
                    }
                }
            }
            throw new CheckFailure(node + " offers no format Kapture knows: " + source.formats().stream()
                    .map(FormatDescription::fourccString).toList());
        }
    }

    /** Frames in the format the session negotiated (libcamera may adjust the size: vimc's widths step by 12). */
    private static String verify(CompressedRecorder recorder, PixelFormat format, FrameFormat negotiated) {
        List<Recorded> frames = recorder.frames();
        CheckFailure.require(negotiated.pixelFormat() == format && recorder.format().equals(negotiated),
                "frames are " + recorder.format() + ", negotiated " + negotiated);
        int width = negotiated.width();
        int height = negotiated.height();
        int expected = format.minImageSize(width, height);
        List<Long> sequences = new ArrayList<>();
        for (Recorded frame : frames) {
            CheckFailure.require(!frame.corrupted(), "frame " + frame.sequence() + " is flagged corrupted");
            CheckFailure.require(frame.bytes().length >= expected, "frame " + frame.sequence() + " has "
                    + frame.bytes().length + " bytes, less than " + expected + " for " + negotiated);
            CheckFailure.require(sequences.isEmpty() || frame.sequence() > sequences.get(sequences.size() - 1),
                    "sequence " + frame.sequence() + " after " + sequences);
            sequences.add(frame.sequence());
        }
        // vimc's sensor draws colour bars: a handful of byte values, but a row that changes across the picture
        byte[] last = frames.get(frames.size() - 1).bytes();
        long distinct = distinctBytes(last);
        int rowBytes = width * 3;
        CheckFailure.require(distinct >= 4 && !Arrays.equals(last, 0, rowBytes / 8, last, rowBytes / 2,
                rowBytes / 2 + rowBytes / 8), "the last frame holds " + distinct + " distinct byte values and its "
                + "first row does not change from left to middle: no picture");
        return frames.size() + " frames " + format + " " + width + "x" + height + " of " + frames.get(0).bytes().length
                + " bytes, sequences " + sequences + ", " + distinct + " distinct byte values in the last";
    }

    private static long distinctBytes(byte[] bytes) {
        boolean[] seen = new boolean[256];
        long count = 0;
        for (byte value : bytes) {
            if (!seen[value & 0xff]) {
                seen[value & 0xff] = true;
                count++;
            }
        }
        return count;
    }
}
