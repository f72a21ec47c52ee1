package io.kapture.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.kapture.api.spi.CaptureSource;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.v4l2.internal.V4l2Source;
import io.kapture.v4l2.sim.PacedDriver;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimDevice;
import io.kapture.v4l2.sim.SimInstance;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * A V4L2 camera that fills buffers at a fixed rate, as a driver does: kapture-v4l2's userspace simulation ticked by
 * its {@link PacedDriver} (a thread of its own, {@value PacedDriver#THREAD}, capturing one frame per period into the
 * oldest queued buffer, lost with a sequence gap when none is queued). The engine opens it through
 * {@link V4l2Source}, so its capture thread runs the real per-frame path: {@code poll}, {@code DQBUF}, {@code QBUF}
 * through the {@code Libc} interface, answered in Java by the simulation (which counts every call).
 *
 * <p>Threading contract: made, started and closed by one thread; the engine calls the provider from its own.
 */
final class SimulatedV4l2Camera implements CaptureSourceProvider, AutoCloseable {

    private final Path root;
    private final SimulatedKernel kernel;
    private final SimDevice device;
    private final PacedDriver driver;

    SimulatedV4l2Camera(double fps) {
        try {
            root = Files.createTempDirectory("kapture-v4l2-sim");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.kernel = new SimulatedKernel(root);
        this.device = kernel.add(0, SimCamera.webcam("Benchmark Webcam"), null, null);
        this.driver = new PacedDriver(device, fps).start();
    }

    String node() {
        return kernel.devRoot().resolve("video0").toString();
    }

    SimulatedKernel kernel() {
        return kernel;
    }

    /** Frames the simulated driver had to drop for want of a queued buffer. */
    long lost() {
        SimInstance instance = device.current();
        return instance == null ? 0 : instance.queue().lost();
    }

    /** For each frame lost so far, how many frames of the stream came before it ({@link PacedDriver#losses}). */
    long[] lossPositions() {
        return driver.losses();
    }

    @Override
    public String type() {
        return "v4l2-simulation";
    }

    @Override
    public boolean handles(String name) {
        return name.equals(node());
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of();
    }

    @Override
    public CaptureSource open(String name, Map<String, ?> options) {
        return V4l2Source.open(kernel, name);
    }

    @Override
    public void close() throws InterruptedException {
        driver.close();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
