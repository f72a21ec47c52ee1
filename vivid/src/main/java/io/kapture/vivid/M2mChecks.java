package io.kapture.vivid;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnit;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Profile;
import io.kapture.testing.TestFrame;
import io.kapture.v4l2.LinuxLibc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.internal.m2m.DrainResult;
import io.kapture.v4l2.internal.m2m.EncoderCounts;
import io.kapture.v4l2.internal.m2m.M2mEncoder;
import io.kapture.v4l2.internal.m2m.M2mEncoderDiscovery;
import io.kapture.v4l2.internal.m2m.M2mEncoderNode;
import io.kapture.v4l2.internal.m2m.M2mEncoderRegistrar;
import io.kapture.v4l2.internal.m2m.V4l2EncoderFactory;

/**
 * Kapture's V4L2 memory-to-memory encoder against the kernel's vicodec (a stateful FWHT encoder speaking the same
 * protocol as Raspberry Pi's bcm2835-codec), built out of tree by {@code vivid/bin/build-test-drivers} and loaded
 * by guest/init. Synthetic 640x480 frames (a luma ramp with a square that moves 4 pixels a frame, so predicted
 * frames have something to predict) go through {@link M2mEncoder}; every coded unit is checked against what vicodec
 * writes into its FWHT header, the keyframe pattern against the configured GOP, timestamps and sequence numbers
 * against the input, the drain (STOP, then LAST and EOS), and that nothing of the node is left mapped or open.
 * {@link #decode} then has vicodec's own stateful decoder (through v4l2-ctl) decode Kapture's output, compared with
 * the input.
 *
 * <p>Threading contract: runs on the caller's thread; the encoder's sink is called on it too.
 */
final class M2mChecks {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int FRAMES = 30;
    private static final int GOP = 10;
    private static final long FRAME_NANOS = 33_366_700L;
    private static final FrameFormat YUYV = FrameFormat.of(WIDTH, HEIGHT, PixelFormat.YUYV);

    private final Path out;
    private final List<byte[]> inputs = new ArrayList<>();
    private final SyntheticYuyv synthetic = new SyntheticYuyv(WIDTH, HEIGHT);

    M2mChecks(Path out) {
        this.out = out;
    }

    /** Discovery finds vicodec's stateful encoder, and only it, as an FWHT encoder with the right service properties. */
    String discovery() throws IOException {
        String encoderNode = node("stateful-encoder");
        List<M2mEncoderNode> found = new M2mEncoderDiscovery(LinuxLibc.get(), Path.of("/dev")).encoders();
        CheckFailure.require(found.size() == 1, "expected exactly vicodec's stateful encoder, found " + found);
        M2mEncoderNode node = found.get(0);
        CheckFailure.require(node.path().equals(encoderNode) && node.driver().equals("vicodec")
                && node.codedFourcc() == V4l2.PIX_FMT_FWHT && !node.multiPlanar(), "found " + node
                + " (multi-planar " + node.multiPlanar() + ") where " + encoderNode + " is vicodec's FWHT encoder");
        CheckFailure.require(node.rawFourccs().contains(PixelFormat.YUYV.fourcc())
                && node.rawFourccs().contains(V4l2.PIX_FMT_YUV420) && node.rawFourccs().contains(V4l2.PIX_FMT_NV12),
                "vicodec's OUTPUT formats lack YUYV, YU12 or NV12: " + node.rawFourccs().size() + " raw formats");
        var properties = M2mEncoderRegistrar.properties(new V4l2EncoderFactory(LinuxLibc.get(), node));
        CheckFailure.require("FWHT".equals(properties.get("kapture.encoder.codec"))
                && Integer.valueOf(0).equals(properties.get("service.ranking")), "service properties " + properties);
        return node + " with " + node.rawFourccs().size() + " raw formats; service " + properties.get(
                "kapture.encoder.name") + ", codec FWHT, ranking 0 (H.264 encoders get "
                + M2mEncoderRegistrar.HARDWARE_H264_RANKING + "); vim2m and the decoders left out";
    }

    /**
     * {@value #FRAMES} frames encoded with {@code rawFourcc} on the OUTPUT queue (the camera's YUYV as it is, or
     * YU12 / NV12 converted by kapture-convert).
     */
    String encode(int rawFourcc, int frames, boolean keepForDecoding) throws IOException {
        M2mEncoderNode node = vicodec();
        List<AccessUnit> units = new ArrayList<>();
        EncoderSettings settings = new EncoderSettings(2_000_000, GOP, H264Profile.BASELINE, 30);
        long base = System.nanoTime();
        long mappedWhileOpen;
        DrainResult drain;
        EncoderCounts counts;
        List<String> unapplied;
        boolean converting;
        M2mEncoder encoder = M2mEncoder.open(LinuxLibc.get(), node, YUYV, rawFourcc, settings, units::add);
        try {
            for (int index = 0; index < frames; index++) {
                byte[] image = synthetic.frame(index);
                if (keepForDecoding) {
                    inputs.add(image);
                }
                encoder.encode(TestFrame.builder(YUYV, image).sequence(1000 + index)
                        .timestampNanos(base + index * FRAME_NANOS).build());
            }
            mappedWhileOpen = ProcessMappings.ofDevice(node.path());
            drain = encoder.drain();
            counts = encoder.counts();
            unapplied = encoder.unappliedSettings();
            converting = encoder.converting();
        } finally {
            encoder.close();
        }
        long mappedAfter = ProcessMappings.ofDevice(node.path());
        long openAfter = ProcessMappings.descriptorsOf(node.path());
        CheckFailure.require(mappedWhileOpen >= 2, "only " + mappedWhileOpen + " mappings of " + node.path()
                + " while encoding; expected the OUTPUT and CAPTURE buffers");
        CheckFailure.require(mappedAfter == 0 && openAfter == 0, "after close " + mappedAfter + " mappings and "
                + openAfter + " descriptors of " + node.path() + " are left");
        CheckFailure.require(drain.lastFlag(), "no CAPTURE buffer flagged V4L2_BUF_FLAG_LAST after V4L2_ENC_CMD_STOP");
        CheckFailure.require(drain.eosEvent(), "no V4L2_EVENT_EOS after V4L2_ENC_CMD_STOP");
        CheckFailure.require(converting == (rawFourcc != PixelFormat.YUYV.fourcc()), "converting " + converting
                + " for raw format " + PixelFormat.fourccString(rawFourcc));
        CheckFailure.require(units.size() == frames, units.size() + " coded units for " + frames + " frames");
        int keyframes = 0;
        for (int index = 0; index < frames; index++) {
            AccessUnit unit = units.get(index);
            FwhtHeader header = FwhtHeader.of(unit);
            CheckFailure.require(header.valid(), "unit " + index + " is no FWHT frame: " + header);
            CheckFailure.require(header.width() == WIDTH && header.height() == HEIGHT, "unit " + index + ": " + header);
            CheckFailure.require(unit.sequence() == 1000 + index && unit.timestampNanos() == base + index * FRAME_NANOS,
                    "unit " + index + " carries sequence " + unit.sequence() + " and timestamp +"
                            + (unit.timestampNanos() - base) + " ns; expected " + (1000 + index) + " and +"
                            + index * FRAME_NANOS);
            boolean expectedKey = index % GOP == 0;
            CheckFailure.require(unit.keyframe() == expectedKey && header.intra() == expectedKey, "unit " + index
                    + " keyframe " + unit.keyframe() + " (header I-frame " + header.intra() + "), expected "
                    + expectedKey + " with a GOP of " + GOP);
            keyframes += unit.keyframe() ? 1 : 0;
        }
        CheckFailure.require(unapplied.stream().anyMatch(s -> s.contains("V4L2_CID_MPEG_VIDEO_BITRATE")),
                "vicodec has no bitrate control, yet the encoder did not report it: " + unapplied);
        if (keepForDecoding) {
            try (OutputStream file = Files.newOutputStream(out.resolve("m2m-kapture.fwht"))) {
                for (AccessUnit unit : units) {
                    file.write(unit.nalUnits().get(0));
                }
            }
        }
        long bytes = units.stream().mapToLong(AccessUnit::size).sum();
        return frames + " frames " + PixelFormat.fourccString(rawFourcc) + (converting ? " (converted)" : " (copied)")
                + (node.multiPlanar() ? " through the multi-planar queues" : "")
                + " -> " + units.size() + " FWHT frames 640x480, " + bytes / units.size() + " bytes each on average, "
                + keyframes + " keyframes at every " + GOP + "th, sequence and timestamps carried; STOP -> LAST and EOS in "
                + drain.nanos() / 1_000_000 + " ms (" + drain.units() + " units while draining); " + mappedWhileOpen
                + " mappings while open, 0 mappings and descriptors after close; " + counts.errorBuffers()
                + " error buffers; reported unapplied: " + String.join("; ", unapplied);
    }

    /**
     * The multi-planar API (what bcm2835-codec uses) on real queues: vicodec reloaded with {@code multiplanar=1}
     * (it then speaks only {@code V4L2_BUF_TYPE_VIDEO_*_MPLANE}, one plane per buffer), 10 frames encoded as in
     * {@link #encode}; vicodec is reloaded as it was afterwards, whatever happened.
     */
    String encodeMultiPlanar() throws Exception {
        String folder = System.getenv("KAPTURE_TEST_DRIVERS");
        CheckFailure.require(folder != null && Files.isRegularFile(Path.of(folder, "vicodec.ko")),
                "KAPTURE_TEST_DRIVERS (" + folder + ") holds no vicodec.ko; vivid/bin/run passes it");
        String module = Path.of(folder, "vicodec.ko").toString();
        Command.run(List.of("rmmod", "vicodec"), "unloading vicodec");
        try {
            Command.run(List.of("insmod", module, "multiplanar=1"), "loading vicodec multi-planar");
            M2mEncoderNode node = vicodec();
            CheckFailure.require(node.multiPlanar(), node + " is not multi-planar after insmod multiplanar=1");
            return "vicodec multiplanar=1: " + encode(V4l2.PIX_FMT_YUV420, 10, false);
        } finally {
            Command.run(List.of("sh", "-c", "rmmod vicodec 2>/dev/null; insmod " + module), "reloading vicodec");
        }
    }

    /**
     * A raw format the driver does not take on OUTPUT (H.264, a coded format): opening fails with a message
     * naming it, and nothing of the node stays mapped or open.
     */
    String refusedFormat() throws IOException {
        M2mEncoderNode node = vicodec();
        String message;
        try {
            M2mEncoder.open(LinuxLibc.get(), node, YUYV, V4l2.PIX_FMT_H264, EncoderSettings.DEFAULT, unit -> { })
                    .close();
            throw new CheckFailure("vicodec took H264 as a raw OUTPUT format");
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
        CheckFailure.require(message.contains("H264"), "the refusal does not name the format: " + message);
        long mapped = ProcessMappings.ofDevice(node.path());
        long open = ProcessMappings.descriptorsOf(node.path());
        CheckFailure.require(mapped == 0 && open == 0, mapped + " mappings and " + open + " descriptors of "
                + node.path() + " left after the refused open");
        return "refused: " + message + "; nothing left mapped or open";
    }

    /**
     * vicodec's stateful decoder, driven by v4l2-ctl, decodes Kapture's FWHT output back to YUYV: as many frames
     * as were encoded, each close to its input (FWHT is lossy).
     */
    String decode() throws IOException, InterruptedException {
        CheckFailure.require(inputs.size() == FRAMES, "the YUYV encode check kept " + inputs.size() + " frames");
        String decoder = node("stateful-decoder");
        Path decoded = out.resolve("m2m-decoded.yuyv");
        List<String> output = V4l2Ctl.run(decoder, "--set-fmt-video=pixelformat=YUYV", "--stream-mmap",
                "--stream-out-mmap", "--stream-from=" + out.resolve("m2m-kapture.fwht"), "--stream-to=" + decoded);
        Files.write(out.resolve("m2m-decode-v4l2-ctl.log"), output);
        byte[] all = Files.readAllBytes(decoded);
        int frameBytes = WIDTH * HEIGHT * 2;
        CheckFailure.require(all.length == frameBytes * FRAMES, "the decoder wrote " + all.length + " bytes, "
                + all.length / (double) frameBytes + " frames; expected " + FRAMES);
        double worstMean = 0;
        int worstFrame = -1;
        double dimmestEdge = 255;
        for (int index = 0; index < FRAMES; index++) {
            dimmestEdge = Math.min(dimmestEdge, synthetic.leadingEdgeLuma(all, index * frameBytes, index));
            double mean = meanAbsoluteDifference(inputs.get(index), ByteBuffer.wrap(all, index * frameBytes,
                    frameBytes));
            if (mean > worstMean) {
                worstMean = mean;
                worstFrame = index;
            }
        }
        CheckFailure.require(worstMean <= MAX_MEAN_DIFFERENCE, "decoded frame " + worstFrame + " differs from its"
                + " input by " + String.format("%.2f", worstMean) + " codes on average (at most "
                + MAX_MEAN_DIFFERENCE + ")");
        CheckFailure.require(dimmestEdge >= MIN_EDGE_LUMA, "a decoded frame lacks its own square's leading edge"
                + " (mean luma " + String.format("%.1f", dimmestEdge) + " where the input has "
                + SyntheticYuyv.SQUARE_LUMA + "): frames out of order");
        return FRAMES + " frames decoded by vicodec's decoder (" + decoder + ") from Kapture's FWHT; worst mean"
                + " difference to the input " + String.format("%.2f", worstMean) + " codes (frame " + worstFrame
                + ", at most " + MAX_MEAN_DIFFERENCE + "); each frame's own leading edge present (luma >= "
                + String.format("%.1f", dimmestEdge) + ", background there < 100)";
    }

    /** FWHT at vicodec's default quantisation is lossy; the bound leaves room over what was measured. */
    private static final double MAX_MEAN_DIFFERENCE = 4.0;
    /** The square is 220, the background under its leading edge below 100: the order check's threshold. */
    private static final double MIN_EDGE_LUMA = 180;

    private static double meanAbsoluteDifference(byte[] expected, ByteBuffer actual) {
        long sum = 0;
        int start = actual.position();
        for (int index = 0; index < expected.length; index++) {
            sum += Math.abs((expected[index] & 0xFF) - (actual.get(start + index) & 0xFF));
        }
        return sum / (double) expected.length;
    }

    private static M2mEncoderNode vicodec() {
        List<M2mEncoderNode> found = new M2mEncoderDiscovery(LinuxLibc.get(), Path.of("/dev")).encoders();
        return found.stream().filter(node -> node.driver().equals("vicodec")).findFirst()
                .orElseThrow(() -> new CheckFailure("no vicodec encoder found; is vicodec loaded "
                        + "(test-drivers-loaded)? found " + found));
    }

    /** The device node of the video4linux entry named {@code name} in sysfs. */
    static String node(String name) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/sys/class/video4linux"))) {
            for (Path entry : entries) {
                Path file = entry.resolve("name");
                if (Files.isReadable(file) && Files.readString(file).trim().equals(name)) {
                    return "/dev/" + entry.getFileName();
                }
            }
        }
        throw new CheckFailure("no video node named " + name + "; vicodec is not loaded (see test-drivers-loaded)");
    }
}
