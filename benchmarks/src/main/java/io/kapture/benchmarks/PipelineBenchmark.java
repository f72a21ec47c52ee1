package io.kapture.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.SessionState;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.delivery.internal.CopyDelivery;
import io.kapture.delivery.internal.PoolDelivery;
import io.kapture.delivery.internal.ZeroCopyDelivery;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.synthetic.internal.SyntheticSourceProvider;

/**
 * The whole pipeline with its threads: an unthrottled synthetic camera, the engine's capture thread, the chosen
 * strategy and {@code listeners} subscribers, each on its own delivery thread with a lossless ({@code BLOCK})
 * queue. The score is the time per frame delivered to every listener, so it shows how fan-out scales and what
 * the hand-over between threads costs on top of {@link DeliveryBenchmark}. On a 2-core machine more than one
 * listener shares cores with the capture thread: read the fan-out figures with that in mind.
 *
 * <p>JMH owns the benchmark thread; the session's threads are started at set-up and stopped at tear-down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PipelineBenchmark {

    private static final int FRAMES_PER_CALL = 50;

    @Param({DeliveryStrategy.COPY, DeliveryStrategy.POOL, DeliveryStrategy.ZEROCOPY})
    public String strategy;

    @Param({FrameSizes.VGA, FrameSizes.FULL_HD})
    public String size;

    @Param({"1", "4", "8"})
    public int listeners;

    private CaptureSessionImpl session;
    private CountingListener[] counters;
    private ZeroCopyDelivery zeroCopy;

    @Setup(Level.Trial)
    public void start() {
        BoundedFramePool pool = new BoundedFramePool(512L << 20);
        session = new CaptureSessionImpl();
        session.addProvider(new SyntheticSourceProvider());
        session.setPool(pool);
        session.addStrategy(strategy(pool), strategy);
        counters = new CountingListener[listeners];
        for (int i = 0; i < listeners; i++) {
            counters[i] = new CountingListener();
            Map<String, Object> properties = Map.of(FrameListener.NAME, "counter-" + i,
                    FrameListener.DROP_POLICY, DropPolicy.BLOCK.name(), FrameListener.QUEUE_CAPACITY, 4,
                    FrameListener.BLOCK_TIMEOUT_MS, 60_000L);
            session.addListener(counters[i], Subscription.of(counters[i], properties, "benchmarks"));
        }
        FrameFormat format = FrameSizes.yuyv(size);
        Map<String, Object> camera = new HashMap<>();
        camera.put("name", "bench");
        camera.put("device", "synthetic");
        camera.put("width", format.width());
        camera.put("height", format.height());
        camera.put("pixel.format", "YUYV");
        camera.put("fps", 0.0);
        camera.put("buffers", 8);
        camera.put("delivery", strategy);
        session.configure(camera);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (session.state() != SessionState.RUNNING || slowest() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("camera did not start: " + session.state() + " "
                        + session.lastError().orElse(""));
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private DeliveryStrategy strategy(BoundedFramePool pool) {
        return switch (strategy) {
            case DeliveryStrategy.COPY -> new CopyDelivery();
            case DeliveryStrategy.POOL -> new PoolDelivery(pool, BufferKind.DIRECT);
            case DeliveryStrategy.ZEROCOPY -> zeroCopy = new ZeroCopyDelivery(pool, 1, 60_000);
            default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        };
    }

    @TearDown(Level.Trial)
    public void stop() {
        session.close();
        if (zeroCopy != null) {
            zeroCopy.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES_PER_CALL)
    public long deliverToEveryListener() {
        long target = slowest() + FRAMES_PER_CALL;
        long reached;
        while ((reached = slowest()) < target) {
            Thread.onSpinWait();
            LockSupport.parkNanos(20_000);
        }
        return reached;
    }

    private long slowest() {
        long slowest = Long.MAX_VALUE;
        for (CountingListener counter : counters) {
            slowest = Math.min(slowest, counter.frames());
        }
        return slowest;
    }
}
