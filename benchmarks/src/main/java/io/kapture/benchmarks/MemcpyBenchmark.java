package io.kapture.benchmarks;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reference line: copying one frame from native memory to native memory, with libc's memcpy and with the JDK's
 * bulk {@link ByteBuffer#put(ByteBuffer)} (which the pool strategy uses).
 *
 * <p>JMH owns the threading: one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MemcpyBenchmark {

    @Param({FrameSizes.VGA, FrameSizes.FULL_HD, FrameSizes.UHD})
    public String size;

    private ByteBuffer source;
    private ByteBuffer destination;
    private int length;

    @Setup
    public void allocate() {
        length = FrameSizes.yuyv(size).imageSize();
        source = ByteBuffer.allocateDirect(length);
        destination = ByteBuffer.allocateDirect(length);
        for (int i = 0; i < length; i += 64) {
            source.put(i, (byte) i);
        }
    }

    @Benchmark
    public ByteBuffer nativeMemcpy() {
        NativeMemcpy.copy(destination, source, length);
        return destination;
    }

    @Benchmark
    public ByteBuffer byteBufferPut() {
        destination.clear();
        destination.put(source.duplicate());
        return destination;
    }
}
