package io.kapture.benchmarks;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.annotations.Warmup;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The candidates for the pool strategy's copy of one frame, direct buffer to direct buffer, each as the pool would
 * call it: libc's {@code memcpy} through JNA direct mapping with the buffers as arguments (what the pool did until
 * this measurement) and with {@link Pointer}s; the JDK's absolute bulk {@link ByteBuffer#put(int, ByteBuffer, int, int)}
 * (Unsafe.copyMemory underneath: C2 turns it into its arraycopy stub, C1 and the interpreter call the JVM's
 * native copy loop); {@code sun.misc.Unsafe.copyMemory} on the two addresses; and a Java loop of 8-byte
 * {@code getLong}/{@code putLong}. {@link CopyTable} runs it with and without C2 and beside a C {@code memcpy}.
 *
 * <p>The default size is the vivid benchmark's frame, 640x360 YUYV (460,800 bytes). {@code caches = hot} copies
 * between the same two buffers every time, so both stay in the CPU's caches (the best case for every candidate);
 * {@code cold} goes round {@value #COLD_PAIRS} pairs of buffers, more than the last-level cache holds at these
 * sizes, so each copy reads and writes memory the caches no longer hold, as a camera's frame written by the device
 * 25 ms after the previous one is.
 *
 * <p>JMH owns the threading: one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameCopyBenchmark {

    /** The vivid benchmark's frame size. */
    static final String VIVID = "640x360";

    /** Buffer pairs the cold case goes round: 48 x 0.9 MB at 640x360, beyond a 32 MB last-level cache. */
    static final int COLD_PAIRS = 48;

    @Param({VIVID})
    public String size;

    @Param({"hot", "cold"})
    public String caches;

    private ByteBuffer[] sources;
    private ByteBuffer[] targets;
    private long[] sourceAddresses;
    private long[] targetAddresses;
    private int next;
    private ByteBuffer source;
    private ByteBuffer target;
    private long sourceAddress;
    private long targetAddress;
    private int length;
    private sun.misc.Unsafe unsafe;

    @Setup
    public void allocate() throws ReflectiveOperationException {
        length = FrameSizes.yuyv(size).imageSize();
        int pairs = caches.equals("cold") ? COLD_PAIRS : 1;
        sources = new ByteBuffer[pairs];
        targets = new ByteBuffer[pairs];
        sourceAddresses = new long[pairs];
        targetAddresses = new long[pairs];
        for (int p = 0; p < pairs; p++) {
            sources[p] = ByteBuffer.allocateDirect(length);
            targets[p] = ByteBuffer.allocateDirect(length);
            for (int i = 0; i < length; i++) {
                sources[p].put(i, (byte) (i * 31 + p));
            }
            sourceAddresses[p] = Pointer.nativeValue(Native.getDirectBufferPointer(sources[p]));
            targetAddresses[p] = Pointer.nativeValue(Native.getDirectBufferPointer(targets[p]));
        }
        Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        unsafe = (sun.misc.Unsafe) field.get(null);
    }

    /** Before every copy: the next pair (always the same one when hot). */
    @Setup(Level.Invocation)
    public void nextPair() {
        int p = next;
        next = p + 1 == sources.length ? 0 : p + 1;
        source = sources[p];
        target = targets[p];
        sourceAddress = sourceAddresses[p];
        targetAddress = targetAddresses[p];
    }

    @Benchmark
    public ByteBuffer jnaMemcpyBuffers() {
        NativeMemcpy.copyBuffers(target, source, length);
        return target;
    }

    @Benchmark
    public ByteBuffer jnaMemcpyPointers() {
        NativeMemcpy.copy(target, source, length);
        return target;
    }

    @Benchmark
    public ByteBuffer byteBufferPut() {
        target.put(0, source, 0, length);
        return target;
    }

    @Benchmark
    public ByteBuffer unsafeCopyMemory() {
        unsafe.copyMemory(sourceAddress, targetAddress, length);
        return target;
    }

    @Benchmark
    public ByteBuffer longLoop() {
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            target.putLong(i, source.getLong(i));
        }
        for (; i < length; i++) {
            target.put(i, source.get(i));
        }
        return target;
    }
}
