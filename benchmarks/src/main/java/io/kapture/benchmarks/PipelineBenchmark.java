package io.kapture.benchmarks;

import java.util.LinkedHashMap;
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
import io.kapture.api.FrameListener;
import io.kapture.api.spi.DeliveryStrategy;

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

    private Pipeline pipeline;
    private CountingListener[] counters;

    @Setup(Level.Trial)
    public void start() {
        counters = new CountingListener[listeners];
        Map<FrameListener, Map<String, Object>> subscribed = new LinkedHashMap<>();
        for (int i = 0; i < listeners; i++) {
            counters[i] = new CountingListener();
            subscribed.put(counters[i], Map.of(FrameListener.NAME, "counter-" + i,
                    FrameListener.DROP_POLICY, DropPolicy.BLOCK.name(), FrameListener.QUEUE_CAPACITY, 4,
                    FrameListener.BLOCK_TIMEOUT_MS, 60_000L));
        }
        // unthrottled, the synthetic camera never has a buffer queued: min.queued 0 keeps zero-copy zero-copy
        pipeline = Pipeline.start(strategy, 0, FrameSizes.yuyv(size), 0, 8, subscribed);
        pipeline.awaitUntil(() -> slowest() > 0, "first frame at every listener");
    }

    @TearDown(Level.Trial)
    public void stop() {
        long copies = pipeline.session().stats().fallbackCopies();
        pipeline.close();
        if (copies > 0) {
            throw new IllegalStateException(copies + " zero-copy frames were copied: the run did not measure "
                    + "zero-copy");
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
