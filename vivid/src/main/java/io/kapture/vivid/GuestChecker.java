package io.kapture.vivid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.V4l2;

/**
 * The Java side of the vivid suite, run inside the qemu guest by guest/checks.sh on the host's Java 17: drives
 * Kapture's V4L2 code against vivid's {@code /dev/video0} without OSGi and reports every check on the console
 * in the marker format of {@link CheckRunner}. Exits 0 only if every check passed.
 *
 * <p>Usage: {@code java -cp <vivid/target/guest-lib/*> io.kapture.vivid.GuestChecker --suite
 * smoke|full|hotplug|mjpeg|m2m|startgap|h264|passthrough|libcamera
 * --device /dev/video0 --out <folder with v4l2-ctl's reference outputs> [--repeat N]}
 *
 * <p>Threading contract: runs on the main thread; checks start and stop their own capture threads.
 */
public final class GuestChecker {

    private GuestChecker() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        String suite = options.getOrDefault("suite", "smoke");
        if (!List.of("smoke", "full", "hotplug", "mjpeg", "m2m", "startgap", "h264", "passthrough", "libcamera")
                .contains(suite)) {
            throw new IllegalArgumentException("--suite must be smoke, full, hotplug, mjpeg, m2m, startgap, h264, "
                    + "passthrough or libcamera, was '" + suite + "'");
        }
        String device = options.getOrDefault("device", "/dev/video0");
        Path out = Path.of(options.getOrDefault("out", "."));

        DeviceChecks devices = new DeviceChecks(device, out);
        StreamChecks streams = new StreamChecks(device, out);
        EngineChecks engine = new EngineChecks(device);
        Map<String, CheckRunner.Check> checks = new LinkedHashMap<>();
        checks.put("java-guest", () -> javaInGuest(device));
        if (suite.equals("full") || suite.equals("startgap")) {
            // first in the JVM, so that the first strategy's stream is a cold start, as a camera's first after boot
            StartGapChecks startGaps = new StartGapChecks(device);
            for (String delivery : List.of("copy", "pool", "zerocopy")) {
                checks.put("start-gaps-" + delivery, () -> startGaps.firstFrames(delivery));
            }
        }
        if (suite.equals("smoke")) {
            checks.put("smoke-capture-30", () -> Attempts.upTo(Attempts.MAX, () -> engine.strategy("pool", 30)));
        } else if (suite.equals("full")) {
            checks.put("reference-bars", () -> referenceBars(out.resolve("v4l2-ctl-frame.yuyv")));
            checks.put("discovery", devices::discovery);
            checks.put("querycap", devices::queryCapabilities);
            checks.put("enumeration", devices::enumeration);
            checks.put("format-and-fps", devices::formatAndRate);
            checks.put("controls", devices::controls);
            checks.put("mmap-streaming-64", () -> Attempts.upTo(Attempts.MAX, () -> streams.mmapStreaming(64)));
            checks.put("streamoff-close", streams::streamOffAndClose);
            checks.put("dmabuf-export", streams::dmabufExport);
            checks.put("source-change", streams::sourceChange);
            checks.put("multi-plane-packed", new PlanarChecks()::packedPlanes);
            for (String delivery : List.of("copy", "pool", "zerocopy")) {
                checks.put("engine-" + delivery, () -> Attempts.upTo(Attempts.MAX, () -> engine.strategy(delivery, 30)));
            }
            checks.put("syscall-cost", new SyscallCost(device, out)::measure);
        }
        if (suite.equals("full") || suite.equals("mjpeg")) {
            // the full suite runs zero-copy only, the driver's own bytesused on its own buffer (~25 s a strategy)
            MjpegChecks mjpeg = new MjpegChecks(out);
            for (String delivery : suite.equals("full") ? List.of("zerocopy") : List.of("copy", "zerocopy")) {
                checks.put("mjpeg-loopback-" + delivery, () -> mjpeg.loopback(delivery));
            }
            // a listener keeps frames of a camera configured zero-copy on a source that cannot lend its buffers
            checks.put("mjpeg-loopback-held-zerocopy", () -> new LoopbackHoldChecks(out).heldFrames("zerocopy"));
        }
        if (suite.equals("h264") || suite.equals("full")) {
            H264Checks h264 = new H264Checks(out);
            // v4l2loopback's DQBUF hands out the buffer at its read position whether or not the reader queued it, so
            // zero-copy is delivered with pool (see vivid/README.md); full runs pool only
            for (String delivery : suite.equals("full") ? List.of("pool") : List.of("copy", "pool", "zerocopy")) {
                checks.put("h264-loopback-" + delivery, () -> h264.loopback(delivery));
            }
        }
        if (suite.equals("passthrough") || suite.equals("full")) {
            // pool delivery: zero-copy frames held in the processors' queues are not safe on v4l2loopback (see README)
            checks.put("mjpeg-passthrough-pool", () -> new PassthroughChecks(out).mjpegProcessors("pool"));
        }
        if (suite.equals("libcamera")) {
            // this JVM runs under libcamera's v4l2-compat.so (guest/checks.sh)
            LibcameraChecks libcamera = new LibcameraChecks(out);
            checks.put("libcamera-compat-open", libcamera::compatOpen);
            for (String delivery : List.of("copy", "zerocopy")) {
                checks.put("libcamera-engine-" + delivery, () -> libcamera.engine(delivery));
            }
            checks.put("libcamera-compat-calls", new CompatCalls()::probe);
        }
        if (suite.equals("full") || suite.equals("hotplug")) {
            checks.put("formats-while-streaming", devices::formatsWhileStreaming);
            HotplugChecks hotplug = new HotplugChecks(device);
            for (String delivery : List.of("copy", "pool", "zerocopy")) {
                int hold = delivery.equals("zerocopy") ? 2 : 0;
                checks.put("unplug-" + delivery, () -> hotplug.unplugAndReplug(delivery, HotplugChecks.Unplug.UNBIND,
                        hold));
            }
            checks.put("unplug-rmmod-zerocopy", () -> hotplug.unplugAndReplug("zerocopy", HotplugChecks.Unplug.RMMOD,
                    2));
        }
        if (suite.equals("full") || suite.equals("m2m")) {
            // vicodec, loaded by guest/init from vivid/bin/build-test-drivers: Kapture's M2M encoder end to end
            M2mChecks m2m = new M2mChecks(out);
            checks.put("m2m-discovery", m2m::discovery);
            checks.put("m2m-encode-yuyv", () -> m2m.encode(PixelFormat.YUYV.fourcc(), 30, true));
            checks.put("m2m-fwht-decode", m2m::decode);
            checks.put("m2m-encode-yu12", () -> m2m.encode(V4l2.PIX_FMT_YUV420, 10, false));
            if (suite.equals("m2m")) {
                checks.put("m2m-encode-nv12", () -> m2m.encode(V4l2.PIX_FMT_NV12, 10, false));
            }
            checks.put("m2m-refused-format", m2m::refusedFormat);
            checks.put("m2m-encode-mplane", m2m::encodeMultiPlanar);
        }
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, was " + repeat);
        }
        Map<String, CheckRunner.Check> rounds = new LinkedHashMap<>();
        for (int round = 1; round <= repeat; round++) {
            String suffix = round == 1 ? "" : "#" + round;
            checks.forEach((name, check) -> rounds.put(name + suffix, check));
        }
        CheckRunner runner = new CheckRunner(System.out, System.err);
        runner.plan(new ArrayList<>(rounds.keySet()));
        rounds.forEach(runner::run);
        System.exit(runner.failed() == 0 ? 0 : 1);
    }

    /** The JVM runs on the guest's kernel (not the host's) and sees vivid's device node. */
    private static String javaInGuest(String device) throws IOException {
        String kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        String seen = System.getProperty("os.version");
        CheckFailure.require(kernel.equals(seen), "the JVM reports kernel " + seen + " but the guest runs " + kernel);
        CheckFailure.require(Files.exists(Path.of(device)), device + " does not exist in the guest");
        return "Java " + System.getProperty("java.version") + " on kernel " + seen + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + ProcessMappings.ofDevice(device)
                + " mappings of " + device;
    }

    /**
     * The frame v4l2-ctl captured shows vivid's 75% colour bars as {@link ColourBars} computes them: proves the
     * content check itself against the real driver before it judges Kapture's frames.
     */
    private static String referenceBars(Path frame) throws IOException {
        int width = 640;
        int height = 480;
        byte[] bytes = Files.readAllBytes(frame);
        CheckFailure.require(bytes.length >= width * height * 2, frame + " has " + bytes.length
                + " bytes, less than one 640x480 YUYV frame");
        ByteBuffer last = ByteBuffer.wrap(bytes, bytes.length - width * height * 2, width * height * 2).slice();
        List<String> problems = ColourBars.problems(last, width, height, width * 2);
        CheckFailure.require(problems.isEmpty(), "v4l2-ctl's frame is not the 75% colour bars: " + problems);
        return "v4l2-ctl's 640x480 YUYV frame shows the 75% colour bars, luma " + ColourBars.lumaProfile(last, width);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --suite, --device, --out or --repeat with a value, got '"
                        + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
