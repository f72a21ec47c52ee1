package io.kapture.v4l2.internal.m2m;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.v4l2.LinuxLibc;
import io.kapture.v4l2.hotplug.V4l2DeviceListener;

/**
 * Registers a {@link VideoEncoderFactory} service for every memory-to-memory encoder under {@code /dev}
 * (Raspberry Pi's {@code bcm2835-codec} H.264 encoder at {@code /dev/video11}, a SoC's VPU, the kernel's
 * {@code vicodec} test driver), with the properties {@code kapture.encoder.name} ({@code v4l2:<driver>:<node>}),
 * {@code kapture.encoder.codec} ({@code H264}, {@code FWHT}, ...), {@code kapture.encoder.device} and
 * {@code kapture.encoder.driver}; H.264 encoders ranked {@value EncoderServices#HARDWARE_H264_RANKING}, above the
 * software encoder ({@link EncoderServices}). It looks at start, and as a {@link V4l2DeviceListener} service it
 * hears from the V4L2 provider's hot-plug watcher when nodes come and go (a codec module loaded later, a node
 * unbound). Looking opens device nodes, so it runs on a thread of its own, never on SCR's or the watcher's.
 *
 * <p>Thread-safe: the work is queued to one thread; {@link EncoderServices} guards the registrations.
 */
@Component(immediate = true, service = V4l2DeviceListener.class)
public final class M2mEncoderRegistrar implements V4l2DeviceListener {

    /** The ranking of hardware H.264 encoders; the software one has the default, 0. */
    public static final int HARDWARE_H264_RANKING = EncoderServices.HARDWARE_H264_RANKING;

    private static final Logger LOG = LoggerFactory.getLogger(M2mEncoderRegistrar.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kapture-m2m-encoder-search");
        thread.setDaemon(true);
        return thread;
    });
    private final EncoderServices services;

    @Activate
    public M2mEncoderRegistrar(BundleContext context) {
        this.services = new EncoderServices(LinuxLibc.get(), (factory, properties) -> {
            ServiceRegistration<VideoEncoderFactory> registration = context.registerService(
                    VideoEncoderFactory.class, factory, properties);
            return () -> {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
            };
        });
        submit(() -> services.scan(Path.of("/dev")));
    }

    @Override
    public void deviceAdded(DeviceInfo device) {
        submit(() -> services.added(device.device()));
    }

    @Override
    public void deviceRemoved(DeviceInfo device) {
        submit(() -> services.removed(device.device()));
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        services.close();
    }

    /** The service properties of one encoder (for the vivid checks and tests). */
    public static java.util.Dictionary<String, Object> properties(V4l2EncoderFactory factory) {
        return EncoderServices.properties(factory);
    }

    private void submit(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("looking for V4L2 memory-to-memory encoders failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // deactivated meanwhile: nothing more to register
        }
    }
}
