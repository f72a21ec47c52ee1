package io.kapture.v4l2.internal.m2m;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.v4l2.LinuxLibc;

/**
 * Registers a {@link VideoEncoderFactory} service for every memory-to-memory encoder found under {@code /dev}
 * (Raspberry Pi's {@code bcm2835-codec} H.264 encoder at {@code /dev/video11}, a SoC's VPU, the kernel's
 * {@code vicodec} test driver), each with the properties {@code kapture.encoder.name} ({@code v4l2:<driver>:<node>}),
 * {@code kapture.encoder.codec} ({@code H264}, {@code FWHT}, ...), {@code kapture.encoder.device} and
 * {@code kapture.encoder.driver}. H.264 encoders get {@code service.ranking} {@value #HARDWARE_H264_RANKING}, above
 * the software encoder's default 0, so consumers that take the highest-ranked H.264 factory (RTSP, the recorder)
 * prefer the hardware. The search opens device nodes, so it runs on a thread of its own, never on SCR's.
 *
 * <p>Devices are looked for once, when the bundle starts; an encoder that appears later (a module loaded
 * afterwards) needs a restart of the bundle io.kapture.kapture-v4l2.
 *
 * <p>Thread-safe: registrations and the active flag are guarded by this object's lock, so a search that outlives
 * deactivation registers nothing.
 */
@Component(immediate = true)
public final class M2mEncoderRegistrar {

    /** The ranking of hardware H.264 encoders; the software one has the default, 0. */
    public static final int HARDWARE_H264_RANKING = 100;
    /** Service property: the device node an encoder runs on. */
    public static final String DEVICE = "kapture.encoder.device";
    /** Service property: the V4L2 driver of that node. */
    public static final String DRIVER = "kapture.encoder.driver";

    private static final Logger LOG = LoggerFactory.getLogger(M2mEncoderRegistrar.class);

    private final List<ServiceRegistration<VideoEncoderFactory>> registrations = new ArrayList<>();
    private final Thread search;
    private boolean active = true;

    @Activate
    public M2mEncoderRegistrar(BundleContext context) {
        this.search = new Thread(() -> register(context), "kapture-m2m-encoder-search");
        this.search.setDaemon(true);
        this.search.start();
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            active = false;
            for (ServiceRegistration<VideoEncoderFactory> registration : registrations) {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
            }
            registrations.clear();
        }
        // a search still running registers nothing more (it checks active under the lock) and ends by itself
    }

    /** The service properties of one encoder. */
    public static Dictionary<String, Object> properties(V4l2EncoderFactory factory) {
        M2mEncoderNode node = factory.node();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(VideoEncoderFactory.NAME, factory.name());
        properties.put(VideoEncoderFactory.CODEC, node.codec());
        properties.put(DEVICE, node.path());
        properties.put(DRIVER, node.driver());
        properties.put(Constants.SERVICE_RANKING, VideoEncoderFactory.H264.equals(node.codec())
                ? HARDWARE_H264_RANKING : 0);
        return properties;
    }

    private void register(BundleContext context) {
        List<M2mEncoderNode> nodes;
        try {
            nodes = new M2mEncoderDiscovery(LinuxLibc.get(), Path.of("/dev")).encoders();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("looking for V4L2 memory-to-memory encoders failed: {}", e.toString());
            return;
        }
        if (nodes.isEmpty()) {
            LOG.info("no V4L2 memory-to-memory encoder found under /dev; H.264 comes from the software encoder");
        }
        for (M2mEncoderNode node : nodes) {
            V4l2EncoderFactory factory = new V4l2EncoderFactory(LinuxLibc.get(), node);
            synchronized (this) {
                if (!active) {
                    return;
                }
                registrations.add(context.registerService(VideoEncoderFactory.class, factory, properties(factory)));
            }
            LOG.info("registered the V4L2 {} as encoder service {}", node, factory.name());
        }
    }
}
