package io.kapture.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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

/**
 * Reference line: the seed's design, which Kapture replaces. Per frame it allocates a new array, copies the driver
 * buffer into it and hands it to a consumer thread through a blocking queue; the consumer reads one byte of each.
 *
 * <p>Threading: the benchmark thread produces; one consumer thread per trial, stopped at tear-down.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SeedBaselineBenchmark {

    @Param({FrameSizes.VGA, FrameSizes.FULL_HD, FrameSizes.UHD})
    public String size;

    private ByteBuffer driverBuffer;
    private int length;
    private BlockingQueue<byte[]> handOver;
    private Thread consumer;
    private volatile long consumed;

    @Setup(Level.Trial)
    public void start() {
        length = FrameSizes.yuyv(size).imageSize();
        driverBuffer = ByteBuffer.allocateDirect(length);
        handOver = new ArrayBlockingQueue<>(4);
        consumer = new Thread(this::consume, "seed-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        consumer.interrupt();
        consumer.join();
    }

    @Benchmark
    public void allocateCopyHandOver() throws InterruptedException {
        byte[] frame = new byte[length];
        driverBuffer.get(0, frame, 0, length);
        handOver.put(frame);
    }

    private void consume() {
        try {
            while (true) {
                byte[] frame = handOver.take();
                consumed += frame[length / 2];
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
