package io.kapture.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.delivery.internal.CopyDelivery;
import io.kapture.delivery.internal.PoolDelivery;
import io.kapture.delivery.internal.ZeroCopyDelivery;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.BoundedFramePool;

/**
 * Frames a camera's first start after boot loses, on the host: the engine (session, delivery strategy, frame pool)
 * over the V4L2 source and kapture-v4l2's simulation paced at a fixed rate with 4 buffers
 * ({@link SimulatedV4l2Camera}; the driver loses a frame whenever no buffer is queued), each run in a JVM of its own
 * that has captured nothing yet. A loss at positions 4 to 7 is the cold start's signature (the first frames' path
 * held every buffer while the driver filled the rest); later ones are the machine's (a stall of the capture thread,
 * a collection). Reported, never asserted: it depends on the machine's load. The order that prevents the cold
 * start's losses is what kapture-v4l2's {@code ReadyBeforeStreamOnTest} checks; against a real driver, the vivid
 * guest's {@code start-gaps-*} checks measure the same.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.kapture.benchmarks.StartGapProbe [--runs 6] [--fps 100]
 *     [--frames 40]</pre>
 *
 * <p>Prints one line per run (frame positions lost, frames delivered, milliseconds from configuring the camera to
 * the last watched frame) and a summary per strategy.
 *
 * <p>Threading contract: runs on the main thread, waiting for each child JVM; a child's session runs its own threads.
 */
public final class StartGapProbe {

    private static final List<String> STRATEGIES = List.of(DeliveryStrategy.COPY, DeliveryStrategy.POOL,
            DeliveryStrategy.ZEROCOPY);
    private static final int BUFFERS = 4;

    private StartGapProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProgramOptions options = ProgramOptions.parse(args, Set.of("runs", "fps", "frames", "child"));
        int fps = options.whole("fps", 100);
        int frames = options.whole("frames", 40);
        String child = options.text("child", null);
        if (child != null) {
            System.out.println(firstFrames(child, fps, frames));
            System.exit(0);
        }
        int runs = options.whole("runs", 6);
        System.out.printf(Locale.ROOT, "Start gaps: %d fps, %d buffers, first %d frames, %d fresh JVMs per "
                + "strategy; %s%n", fps, BUFFERS, frames, runs, Machine.describe());
        for (String strategy : STRATEGIES) {
            int cold = 0;
            int later = 0;
            for (int run = 1; run <= runs; run++) {
                String line = childRun(strategy, fps, frames);
                System.out.printf(Locale.ROOT, "%-9s run %d: %s%n", strategy, run, line);
                List<Long> losses = lossesOf(line);
                cold += losses.stream().anyMatch(position -> position >= BUFFERS && position < 2 * BUFFERS) ? 1 : 0;
                later += losses.stream().anyMatch(position -> position >= 2 * BUFFERS) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%-9s %d of %d runs lost frames %d-%d (cold start), %d later (load)%n",
                    strategy, cold, runs, BUFFERS, 2 * BUFFERS - 1, later);
        }
    }

    private static String childRun(String strategy, int fps, int frames) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StartGapProbe.class.getName(), "--child", strategy, "--fps", Integer.toString(fps), "--frames",
                Integer.toString(frames)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the " + strategy + " run failed:\n" + output);
        }
        return output.substring(output.lastIndexOf('\n') + 1);
    }

    private static List<Long> lossesOf(String line) {
        String losses = line.substring("losses=".length(), line.indexOf(' '));
        List<Long> positions = new ArrayList<>();
        for (String position : losses.isEmpty() ? new String[0] : losses.split(",")) {
            positions.add(Long.parseLong(position));
        }
        return positions;
    }

    /** One cold stream: {@code losses=<positions> delivered=<frames> ms=<configure to the last watched frame>}. */
    private static String firstFrames(String strategyName, int fps, int watched) throws InterruptedException {
        BoundedFramePool pool = new BoundedFramePool(64L << 20);
        ZeroCopyDelivery zeroCopy = new ZeroCopyDelivery(pool, 1, 60_000);
        DeliveryStrategy strategy = switch (strategyName) {
            case DeliveryStrategy.COPY -> new CopyDelivery();
            case DeliveryStrategy.POOL -> new PoolDelivery(pool, BufferKind.DIRECT);
            default -> zeroCopy;
        };
        CountDownLatch seen = new CountDownLatch(watched);
        FrameListener listener = new FrameListener() {
            @Override
            public void onFrame(Frame frame) {
                seen.countDown();
            }
        };
        CaptureSessionImpl session = new CaptureSessionImpl();
        try (SimulatedV4l2Camera camera = new SimulatedV4l2Camera(fps)) {
            session.addProvider(camera);
            session.setPool(pool);
            session.addStrategy(strategy, strategyName);
            session.addListener(listener, Subscription.of(listener, Map.of(FrameListener.NAME, "first-frames"),
                    "benchmarks"));
            long configured = System.nanoTime();
            session.configure(Map.of("name", "webcam", "device", camera.node(), "width", 640, "height", 480,
                    "pixel.format", "YUYV", "fps", 30.0, "buffers", BUFFERS, "delivery", strategyName,
                    "stall.timeout.ms", 0L));
            boolean all = seen.await(30, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - configured);
            String losses = LongStream.of(camera.lossPositions()).filter(position -> position < watched)
                    .mapToObj(Long::toString).collect(Collectors.joining(","));
            return "losses=" + losses + " delivered=" + (watched - seen.getCount()) + " ms=" + millis
                    + (all ? "" : " incomplete");
        } finally {
            session.close();
            session.awaitClosed(30_000);
            zeroCopy.close();
        }
    }
}
