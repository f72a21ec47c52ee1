package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.jna.Pointer;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.delivery.internal.CopyDelivery;
import io.kapture.delivery.internal.PoolDelivery;
import io.kapture.delivery.internal.ZeroCopyDelivery;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.sim.ForwardingLibc;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * What keeps a camera's first frames from starving its driver, checked in order rather than in time: when the
 * engine reaches the device's {@code VIDIOC_STREAMON} (after which the driver fills its few buffers whether anybody
 * takes them or not), the capture thread already runs without having dequeued anything yet, the listener's delivery
 * thread runs, and frames have already gone through the camera's delivery strategy (the engine's rehearsal) and
 * been given back. Then the stream's real frames, and only they, reach the listener from sequence 0 on.
 *
 * <p>Each assertion fails if the engine's stream start is reordered: the capture thread started after STREAMON,
 * the rehearsal dropped or run after it, or the capture loop dequeuing before it is told the source streams. The
 * simulated driver answers on demand here, so nothing depends on how fast this machine is; how many frames a cold
 * start loses at a real rate is measured, not asserted: {@code io.kapture.benchmarks.StartGapProbe} on the host
 * and the vivid guest's {@code start-gaps-*} checks against a real driver.
 *
 * <p>Runs on the test thread; the engine's threads are its own, the STREAMON snapshot is taken on its control
 * thread.
 */
class ReadyBeforeStreamOnTest {

    private static final String CAMERA = "webcam";
    private static final String LISTENER = "first-frames";
    private static final int WATCHED = 40;

    @ParameterizedTest
    @ValueSource(strings = {"copy", "pool", "zerocopy"})
    void threadsRunAndTheDeliveryPathHasRunWhenTheDriverStartsStreaming(String strategyName, @TempDir Path root)
            throws InterruptedException {
        SimulatedKernel kernel = new SimulatedKernel(root);
        SimDevice webcam = kernel.add(0, SimCamera.webcam("Sim Webcam"), null, null);
        BoundedFramePool pool = new BoundedFramePool(64L << 20);
        ZeroCopyDelivery zeroCopy = new ZeroCopyDelivery(pool, 1, 60_000);
        CountingStrategy strategy = new CountingStrategy(switch (strategyName) {
            case DeliveryStrategy.COPY -> new CopyDelivery();
            case DeliveryStrategy.POOL -> new PoolDelivery(pool, BufferKind.DIRECT);
            default -> zeroCopy;
        });
        AtomicReference<AtStreamOn> atStreamOn = new AtomicReference<>();
        CountDownLatch streamOn = new CountDownLatch(1);
        Libc libc = new StreamOnWatch(kernel, () -> {
            atStreamOn.compareAndSet(null, new AtStreamOn(thread("kapture-capture-" + CAMERA),
                    thread("kapture-" + CAMERA + "-" + LISTENER), kernel.calls("poll") + kernel.calls("VIDIOC_DQBUF"),
                    strategy.wraps.get(), pool.stats().outstanding()));
            streamOn.countDown();
        });
        V4l2SourceProvider provider = new V4l2SourceProvider(libc, kernel.devRoot(), kernel.sysRoot(), false,
                new SimDeviceNumbers(kernel));
        FirstFrames listener = new FirstFrames();
        CaptureSessionImpl session = new CaptureSessionImpl();
        try {
            session.addProvider(provider);
            session.setPool(pool);
            session.addStrategy(strategy, strategyName);
            // blocking, so that the frames the simulation makes as fast as they are asked for all reach it
            session.addListener(listener, Subscription.of(listener, Map.of(FrameListener.NAME, LISTENER,
                    FrameListener.DROP_POLICY, "BLOCK", FrameListener.BLOCK_TIMEOUT_MS, 60_000L), "test"));
            session.configure(configuration(webcam, strategyName));
            assertTrue(streamOn.await(30, TimeUnit.SECONDS), "the source never reached VIDIOC_STREAMON: camera "
                    + session.state() + " " + session.lastError().orElse(""));

            AtStreamOn start = atStreamOn.get();
            assertTrue(start.captureThread() != null && start.captureThread() != Thread.State.TERMINATED,
                    "the capture thread runs at STREAMON: " + start);
            assertEquals(0, start.dequeueCalls(), "the capture thread polled or dequeued before STREAMON: " + start);
            assertTrue(start.deliveryThread() != null && start.deliveryThread() != Thread.State.TERMINATED,
                    "the listener's delivery thread runs at STREAMON: " + start);
            assertTrue(start.wraps() > 0, "frames went through the '" + strategyName
                    + "' strategy before STREAMON (the rehearsal): " + start);
            assertEquals(0, start.framesOut(), "the rehearsal gave back every pooled buffer before STREAMON: "
                    + start);
            assertTrue(listener.seen.await(30, TimeUnit.SECONDS), "only " + listener.count.get() + " of "
                    + WATCHED + " frames arrived");
            assertEquals(LongStream.range(0, WATCHED).boxed().toList(), listener.sequences(),
                    "the listener gets the device's frames from sequence 0 on, and no stand-in of the rehearsal");
            assertTrue(strategy.wraps.get() >= start.wraps() + WATCHED, "device frames wrapped by the strategy");
        } finally {
            session.close();
            session.awaitClosed(30_000);
            zeroCopy.close();
            provider.deactivate();
        }
    }

    /** The state of the live thread named {@code name}, or null if there is none. */
    private static Thread.State thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .map(Thread::getState).findFirst().orElse(null);
    }

    private static Map<String, Object> configuration(SimDevice webcam, String strategy) {
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("name", CAMERA);
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

    /**
     * What was so when the engine called STREAMON.
     *
     * @param captureThread  the capture thread's state, null if it was not there
     * @param deliveryThread the listener's delivery thread's state, null if it was not there
     * @param dequeueCalls   poll and VIDIOC_DQBUF calls made so far
     * @param wraps          frames the strategy had wrapped so far
     * @param framesOut      frame-pool buffers not given back
     */
    private record AtStreamOn(Thread.State captureThread, Thread.State deliveryThread, long dequeueCalls, int wraps,
            long framesOut) {
    }

    /** Notes the sequences of the first {@value #WATCHED} frames; called on the listener's delivery thread. */
    private static final class FirstFrames implements FrameListener {

        private final long[] sequences = new long[WATCHED];
        private final AtomicInteger count = new AtomicInteger();
        private final CountDownLatch seen = new CountDownLatch(WATCHED);

        @Override
        public void onFrame(Frame frame) {
            int next = count.get();
            if (next < WATCHED) {
                sequences[next] = frame.sequence();
                count.set(next + 1);
                seen.countDown();
            }
        }

        List<Long> sequences() {
            return LongStream.of(sequences).limit(count.get()).boxed().toList();
        }
    }

    /** A strategy that counts the frames it wraps and otherwise is the one it is given. */
    private static final class CountingStrategy implements DeliveryStrategy {

        private final DeliveryStrategy delegate;
        private final AtomicInteger wraps = new AtomicInteger();

        CountingStrategy(DeliveryStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
            wraps.incrementAndGet();
            return delegate.wrap(buffer, context);
        }

        @Override
        public boolean lendsDriverBuffers() {
            return delegate.lendsDriverBuffers();
        }

        @Override
        public void close(DeliveryContext context) {
            delegate.close(context);
        }
    }

    /** Passes every call to the simulation; runs {@code atStreamOn} just before a VIDIOC_STREAMON. */
    private static final class StreamOnWatch extends ForwardingLibc {

        private final Runnable atStreamOn;

        StreamOnWatch(Libc kernel, Runnable atStreamOn) {
            super(kernel);
            this.atStreamOn = atStreamOn;
        }

        @Override
        public int ioctl(int fd, long request, Pointer argument) {
            if (request == V4l2.VIDIOC_STREAMON) {
                atStreamOn.run();
            }
            return delegate.ioctl(fd, request, argument);
        }
    }
}
