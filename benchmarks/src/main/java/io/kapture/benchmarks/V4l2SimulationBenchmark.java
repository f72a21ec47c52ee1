package io.kapture.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

import io.kapture.api.PixelFormat;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatRequest;
import io.kapture.v4l2.internal.V4l2Source;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * The V4L2 capture source's own per-frame path, {@code dequeue} (poll + DQBUF) and {@code queue} (QBUF), against
 * kapture-v4l2's userspace simulation, which answers every call in Java from real descriptors and mappings. The
 * figure is the source's bookkeeping plus the simulation's, without the kernel: compare it with
 * {@link SyscallBenchmark} for what the real system calls add. Frames come on demand, so nothing waits.
 *
 * <p>JMH owns the threading: one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class V4l2SimulationBenchmark {

    private Path root;
    private V4l2Source source;

    @Setup(Level.Trial)
    public void start() throws IOException {
        root = Files.createTempDirectory("kapture-v4l2-sim");
        SimulatedKernel kernel = new SimulatedKernel(root);
        kernel.add(0, SimCamera.webcam("Benchmark Webcam"), null, null);
        source = V4l2Source.open(kernel, kernel.devRoot().resolve("video0").toString());
        source.negotiate(new FormatRequest(640, 480, PixelFormat.YUYV, 30));
        source.start(4);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        source.close();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public long dequeueAndQueue() throws InterruptedException {
        DriverBuffer buffer = source.dequeue(1, TimeUnit.SECONDS);
        if (buffer == null) {
            throw new IllegalStateException("the simulated camera gave no frame within 1 s");
        }
        long sequence = buffer.sequence();
        source.queue(buffer);
        return sequence;
    }
}
