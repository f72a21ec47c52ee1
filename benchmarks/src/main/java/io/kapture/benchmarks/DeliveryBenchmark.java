package io.kapture.benchmarks;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.delivery.internal.CopyDelivery;
import io.kapture.delivery.internal.PoolDelivery;
import io.kapture.delivery.internal.ZeroCopyDelivery;
import io.kapture.pool.internal.BoundedFramePool;

/**
 * Per-frame cost of each delivery strategy on its own: a filled driver buffer is wrapped into a frame, each of
 * {@code listeners} subscribers gets a handle (retained for all in one step, as kapture-engine's fan-out does),
 * enters (reads the frame's first and last byte through its own data view) and releases it, and the last release
 * gives the buffer back (requeue or pool). Threads and queues are left
 * out here: this is the cost the strategy itself adds to every frame.
 *
 * <p>JMH owns the threading: one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DeliveryBenchmark {

    @Param({DeliveryStrategy.COPY, DeliveryStrategy.POOL, DeliveryStrategy.ZEROCOPY})
    public String strategy;

    @Param({FrameSizes.VGA, FrameSizes.FULL_HD, FrameSizes.UHD})
    public String size;

    @Param({"1", "4", "8"})
    public int listeners;

    private DeliveryStrategy delivery;
    private BenchmarkBuffer buffer;
    private BenchmarkContext context;
    private Frame[] handles;
    private String[] holders;
    private AutoCloseable closer;

    @Setup(Level.Trial)
    public void setUp() {
        FrameFormat format = FrameSizes.yuyv(size);
        buffer = new BenchmarkBuffer(format);
        context = new BenchmarkContext(format);
        handles = new Frame[listeners];
        holders = new String[listeners];
        Arrays.fill(holders, "listener");
        BoundedFramePool pool = new BoundedFramePool(256L << 20);
        switch (strategy) {
            case DeliveryStrategy.COPY -> delivery = new CopyDelivery();
            case DeliveryStrategy.POOL -> delivery = new PoolDelivery(pool, BufferKind.DIRECT);
            case DeliveryStrategy.ZEROCOPY -> {
                ZeroCopyDelivery zeroCopy = new ZeroCopyDelivery(pool, 1, 60_000);
                delivery = zeroCopy;
                closer = zeroCopy;
            }
            default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (closer != null) {
            closer.close();
        }
    }

    @Benchmark
    public long deliverOneFrame() {
        Frame frame = delivery.wrap(buffer.next(), context);
        frame.retain(holders, handles, listeners);
        frame.release();
        long seen = 0;
        for (int i = 0; i < listeners; i++) {
            Frame handle = handles[i];
            ByteBuffer data = handle.data();
            seen += data.get(0) + data.get(data.limit() - 1);
            handle.release();
            handles[i] = null;
        }
        return seen + context.requeued;
    }
}
