package io.kapture.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.kapture.v4l2.Libc;
import io.kapture.v4l2.LinuxLibc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.PollFd;
import io.kapture.v4l2.structs.V4l2Buffer;

/**
 * The per-frame system calls of V4L2 capture made through kapture-v4l2's JNA binding ({@link LinuxLibc},
 * {@link V4l2Device}) exactly as its buffer ring makes them: {@code poll} on one {@link PollFd}, and an ioctl on a
 * prepared {@link V4l2Buffer} whose fields are read back, twice per frame (DQBUF and QBUF). This machine has no
 * V4L2 device, so the calls go to a real descriptor of a temporary regular file: {@code poll} answers at once and
 * the ioctl is {@code FIONREAD}, which the kernel serves for regular files. The C reference making the very same
 * calls is {@code src/main/c/syscalls.c}, which {@link BenchmarkTable} compiles and runs beside this benchmark.
 *
 * <p>{@code frameCallsOnly} takes the binding apart: the three JNA calls on structs prepared once, the cost of the
 * calls themselves. (A variant preparing the structs through direct {@code ByteBuffer} views instead of JNA's
 * {@code Pointer} accessors was here until kapture-v4l2's structs adopted such views, having measured them the
 * cheaper way.)
 *
 * <p>JMH owns the threading: one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SyscallBenchmark {

    /** {@code FIONREAD} on x86-64 and arm64 Linux: bytes readable from a descriptor, for regular files too. */
    static final long FIONREAD = 0x541B;

    private Path file;
    private V4l2Device device;
    private Libc libc;
    private PollFd pollFd;
    private V4l2Buffer buffer;

    @Setup(Level.Trial)
    public void open() throws IOException {
        file = Files.createTempFile("kapture-syscalls", ".bin");
        Files.write(file, new byte[4096]);
        libc = LinuxLibc.get();
        device = V4l2Device.open(libc, file.toString());
        pollFd = new PollFd();
        buffer = new V4l2Buffer();
        pollFd.watch(device.fd(), Libc.POLLIN | Libc.POLLPRI);
        buffer.prepare(V4l2.BUF_TYPE_VIDEO_CAPTURE, V4l2.MEMORY_MMAP, 0, null, 0);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        device.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public int poll() {
        pollFd.watch(device.fd(), Libc.POLLIN | Libc.POLLPRI);
        return libc.poll(pollFd.pointer(), 1, 0) == 0 ? 0 : pollFd.revents();
    }

    @Benchmark
    public long ioctl() {
        buffer.prepare(V4l2.BUF_TYPE_VIDEO_CAPTURE, V4l2.MEMORY_MMAP, 0, null, 0);
        int result = device.tryIoctl(FIONREAD, buffer);
        if (result < 0) {
            throw new IllegalStateException("FIONREAD failed with errno " + -result);
        }
        return buffer.index() + buffer.bytesUsed() + buffer.flags() + buffer.sequence() + buffer.timestampNanos();
    }

    /** What one frame costs in system calls: poll, then DQBUF and QBUF. */
    @Benchmark
    public long frame() {
        return poll() + ioctl() + ioctl();
    }

    /**
     * A QBUF struct's preparation as the buffer ring made it until issue 18's frame-cost work: the 88 bytes zeroed,
     * then type, memory and index set (the reference for {@link #prepareQueueLean}).
     */
    @Benchmark
    public int prepareQueueFull() {
        buffer.prepare(V4l2.BUF_TYPE_VIDEO_CAPTURE, V4l2.MEMORY_MMAP, 1, null, 0);
        return buffer.index();
    }

    /** A QBUF struct's preparation as the buffer ring makes it now: only the four fields QBUF reads. */
    @Benchmark
    public int prepareQueueLean() {
        buffer.requeue(V4l2.BUF_TYPE_VIDEO_CAPTURE, V4l2.MEMORY_MMAP, 1);
        return buffer.index();
    }

    /** The three calls alone, on structs prepared once. */
    @Benchmark
    public long frameCallsOnly() {
        return libc.poll(pollFd.pointer(), 1, 0) + device.tryIoctl(FIONREAD, buffer)
                + device.tryIoctl(FIONREAD, buffer);
    }
}
