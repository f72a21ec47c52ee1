package io.kapture.vivid;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameListener;
import io.kapture.api.ListenerStats;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.delivery.internal.CopyDeliveryComponent;
import io.kapture.delivery.internal.PoolDeliveryComponent;
import io.kapture.delivery.internal.ZeroCopyDeliveryComponent;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.FramePoolComponent;
import io.kapture.v4l2.internal.V4l2SourceProvider;

/**
 * One run of the vivid benchmark's Kapture side, in a JVM of its own (so that its start-up is real): the engine
 * built as {@link EngineChecks} builds it (the V4L2 provider, the frame pool and the delivery strategy made as SCR
 * makes them, a {@link CaptureSessionImpl} configured like a camera), capturing {@code --frames} frames plus a
 * few more from the device with {@code --listeners} no-op listeners, the first of which notes the process's CPU
 * time ({@link CpuMarks}) at the first, middle and last frame it is handed. Prints one line {@code @@ENGINE
 * key=value ...}: the start-up CPU by phase and the steady-state CPU per frame, the delivered sequence numbers'
 * gaps and repeats, and the session's own counts. Reports; never judges a figure (exits non-zero only if the
 * frames did not arrive).
 *
 * <p>Usage: {@code EngineBench --device /dev/video0 --delivery copy|pool|zerocopy --listeners N --frames N
 * [--width 640 --height 360 --fps 40 --buffers 4] [--capture-thread true] [--marks 1,200,1000,...]}. {@code
 * --capture-thread true} subscribes the listeners with {@link FrameListener#CAPTURE_THREAD} (called on the capture
 * thread, no queue, no delivery thread: the engine's public option, as {@code @FrameSubscription(capture_thread =
 * true)} sets it); {@code --marks} are the frames at which {@link CpuMarks} also reads the CPU and the JIT's time.
 *
 * <p>Threading contract: runs on the main thread; the session runs its own threads, which the listeners are
 * called on, and which are ended before the program exits.
 */
public final class EngineBench {

    /** Frames captured after the last measured one, so that the last sample is not taken while stopping. */
    static final int EXTRA_FRAMES = 8;
    /** The least time the frames may take to arrive; longer runs get twice their length at the camera's rate. */
    private static final long MIN_TIMEOUT_SECONDS = 180;

    private EngineBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the JVM's start in clock ticks (the JDK reads times()), before JNA is loaded for the precise clock
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long jna = ProcessCpuClock.nanos();
        Map<String, String> options = options(args);
        String delivery = options.getOrDefault("delivery", DeliveryStrategy.ZEROCOPY);
        int listeners = Integer.parseInt(options.getOrDefault("listeners", "1"));
        int frames = Integer.parseInt(options.getOrDefault("frames", "200"));
        boolean captureThread = Boolean.parseBoolean(options.getOrDefault("capture-thread", "false"));
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        // read once here, so that the first read at a mark loads nothing
        jit.getTotalCompilationTime();
        runtime.getUptime();
        CpuMarks marks = new CpuMarks(frames, frames + EXTRA_FRAMES, markFrames(options.get("marks")),
                jit::getTotalCompilationTime, runtime::getUptime);

        FramePoolComponent pool = Components.activate(FramePoolComponent.class, Map.of());
        V4l2SourceProvider provider = Components.activate(V4l2SourceProvider.class, Map.of("hotplug", false));
        DeliveryStrategy strategy = switch (delivery) {
            case DeliveryStrategy.COPY -> Components.activate(CopyDeliveryComponent.class, Map.of());
            case DeliveryStrategy.POOL -> Components.activate(PoolDeliveryComponent.class, Map.of(), pool);
            case DeliveryStrategy.ZEROCOPY -> Components.activate(ZeroCopyDeliveryComponent.class, Map.of(), pool);
            default -> throw new IllegalArgumentException("--delivery must be copy, pool or zerocopy, was '"
                    + delivery + "'");
        };
        long components = ProcessCpuClock.nanos();
        CaptureSessionImpl session = new CaptureSessionImpl();
        CaptureStats running = null;
        long configured;
        boolean arrived;
        try {
            session.setPool(pool);
            session.addProvider(provider);
            session.addStrategy(strategy, delivery);
            session.addListener(marks, Subscription.of(marks, Map.of(FrameListener.CAMERA, EngineChecks.CAMERA,
                    FrameListener.NAME, "bench-0", FrameListener.CAPTURE_THREAD, captureThread), "kapture-vivid"));
            for (int i = 1; i < listeners; i++) {
                FrameListener noOp = frame -> { };
                session.addListener(noOp, Subscription.of(noOp, Map.of(FrameListener.CAMERA, EngineChecks.CAMERA,
                        FrameListener.NAME, "bench-" + i, FrameListener.CAPTURE_THREAD, captureThread),
                        "kapture-vivid"));
            }
            session.configure(Map.of("name", EngineChecks.CAMERA, "device", options.getOrDefault("device",
                    "/dev/video0"), "width", Integer.parseInt(options.getOrDefault("width", "640")),
                    "height", Integer.parseInt(options.getOrDefault("height", "360")),
                    "pixel.format", PixelFormat.YUYV.name(),
                    "fps", Double.parseDouble(options.getOrDefault("fps", "40")),
                    "buffers", Integer.parseInt(options.getOrDefault("buffers", "4")), "delivery", delivery));
            configured = ProcessCpuClock.nanos();
            double fps = Double.parseDouble(options.getOrDefault("fps", "40"));
            arrived = marks.await(Math.max(MIN_TIMEOUT_SECONDS, (long) (2 * frames / fps)), TimeUnit.SECONDS);
            running = session.stats();
            session.stop();
        } finally {
            session.close();
            session.awaitClosed(30_000);
            Components.deactivate(strategy);
            Components.deactivate(provider);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("in_jvm_ms", ms(jvm));
        report.put("in_jna_ms", ms(jna - jvm));
        report.put("in_components_ms", ms(components - jna));
        report.put("in_configure_ms", ms(configured - components));
        marks.report(report);
        report.put("in_captured", running.captured());
        report.put("in_session_gaps", running.sequenceGaps());
        report.put("in_fallback_copies", running.fallbackCopies());
        long dropped = running.listeners().stream().mapToLong(ListenerStats::dropped).sum();
        report.put("in_listener_drops", dropped);
        StringBuilder line = new StringBuilder("@@ENGINE delivery=" + delivery + " listeners=" + listeners
                + " capture_thread=" + captureThread);
        report.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        System.out.println(line);
        System.exit(arrived ? 0 : 1);
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static int[] markFrames(String list) {
        if (list == null || list.isBlank()) {
            return new int[0];
        }
        return Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --device, --delivery, --listeners, --frames, --width,"
                        + " --height, --fps, --buffers, --capture-thread or --marks with a value, got '" + args[i]
                        + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
