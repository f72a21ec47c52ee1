package io.kapture.v4l2.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

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
import io.kapture.v4l2.sim.PacedDriver;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * The first frames of a stream in a JVM that has captured nothing yet, as a camera's first start after boot is:
 * the engine (session, delivery strategy, frame pool) over the V4L2 provider and the simulation, whose driver
 * fills 4 buffers at a fixed rate ({@link PacedDriver}) and loses a frame whenever Kapture has none queued. Prints
 * one line, {@code losses=<frame positions> first=<sequences delivered> ms=<configure to first frame>}, and exits.
 * {@link StartGapTest} runs it in a JVM of its own; it also runs by hand:
 *
 * <pre>java -cp &lt;test classpath&gt; io.kapture.v4l2.internal.StartGapRun zerocopy 200 40</pre>
 *
 * <p>Arguments: strategy, frames per second, frames to watch.
 */
public final class StartGapRun {

    private StartGapRun() {
    }

    public static void main(String[] args) throws Exception {
        String strategyName = args[0];
        double fps = Double.parseDouble(args[1]);
        int watched = Integer.parseInt(args[2]);
        Path root = Files.createTempDirectory("kapture-start-gap");
        try {
            System.out.println(run(root, strategyName, fps, watched));
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        System.exit(0);
    }

    private static String run(Path root, String strategyName, double fps, int watched)
            throws InterruptedException, IOException {
        SimulatedKernel kernel = new SimulatedKernel(root);
        SimDevice webcam = kernel.add(0, SimCamera.webcam("Sim Webcam"), null, null);
        V4l2SourceProvider provider = new V4l2SourceProvider(kernel, kernel.devRoot(), kernel.sysRoot(), false,
                new SimDeviceNumbers(kernel));
        BoundedFramePool pool = new BoundedFramePool(64L << 20);
        ZeroCopyDelivery zeroCopy = new ZeroCopyDelivery(pool, 1, 60_000);
        DeliveryStrategy strategy = switch (strategyName) {
            case DeliveryStrategy.COPY -> new CopyDelivery();
            case DeliveryStrategy.POOL -> new PoolDelivery(pool, BufferKind.DIRECT);
            default -> zeroCopy;
        };
        long[] sequences = new long[watched];
        CountDownLatch seen = new CountDownLatch(watched);
        FrameListener listener = new FrameListener() {
            private int next;

            @Override
            public void onFrame(Frame frame) {
                if (next < watched) {
                    sequences[next++] = frame.sequence();
                    seen.countDown();
                }
            }
        };
        CaptureSessionImpl session = new CaptureSessionImpl();
        try (PacedDriver driver = new PacedDriver(webcam, fps).start()) {
            session.addProvider(provider);
            session.setPool(pool);
            session.addStrategy(strategy, strategyName);
            session.addListener(listener, Subscription.of(listener, Map.of(FrameListener.NAME, "first-frames"),
                    "test"));
            long configured = System.nanoTime();
            session.configure(configuration(webcam, strategyName));
            boolean all = seen.await(30, TimeUnit.SECONDS);
            long firstFrameMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - configured);
            long[] losses = driver.losses();
            String lossesBeforeEnd = LongStream.of(losses).filter(position -> position < watched)
                    .mapToObj(Long::toString).collect(Collectors.joining(","));
            String first = LongStream.of(sequences).limit(watched - seen.getCount()).mapToObj(Long::toString)
                    .collect(Collectors.joining(","));
            return "losses=" + lossesBeforeEnd + " first=" + first + " ms=" + firstFrameMillis
                    + (all ? "" : " incomplete");
        } finally {
            session.close();
            session.awaitClosed(30_000);
            zeroCopy.close();
            provider.deactivate();
        }
    }

    private static Map<String, Object> configuration(SimDevice webcam, String strategy) {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("name", "webcam");
        configuration.put("device", webcam.node().toString());
        configuration.put("width", 640);
        configuration.put("height", 480);
        configuration.put("pixel.format", "YUYV");
        configuration.put("fps", 30.0);
        configuration.put("buffers", 4);
        configuration.put("delivery", strategy);
        configuration.put("stall.timeout.ms", 0L);
        return configuration;
    }
}
