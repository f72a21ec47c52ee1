package io.kapture.v4l2.internal.m2m;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2Device;

/**
 * The encoder services of the memory-to-memory encoders present now, by device node: a full scan at start, a node
 * added when it appears (a codec module loaded later), its services withdrawn when it disappears. H.264 encoders get
 * {@code service.ranking} {@value #HARDWARE_H264_RANKING}, above the software encoder's default 0.
 *
 * <p>Thread-safe: every method holds this object's lock; after {@link #close} nothing more is published.
 */
final class EncoderServices {

    /** The ranking of hardware H.264 encoders; the software one has the default, 0. */
    static final int HARDWARE_H264_RANKING = 100;
    /** Service property: the device node an encoder runs on. */
    static final String DEVICE = "kapture.encoder.device";
    /** Service property: the V4L2 driver of that node. */
    static final String DRIVER = "kapture.encoder.driver";

    /** Publishes a service (the framework's registerService); returns what withdraws it. */
    @FunctionalInterface
    interface Publisher {
        Runnable publish(V4l2EncoderFactory factory, Dictionary<String, Object> properties);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EncoderServices.class);

    private final Libc libc;
    private final Publisher publisher;
    /** Node path to coded fourcc to what withdraws that encoder's service. */
    private final Map<String, Map<Integer, Runnable>> byNode = new LinkedHashMap<>();
    private boolean closed;

    EncoderServices(Libc libc, Publisher publisher) {
        this.libc = libc;
        this.publisher = publisher;
    }

    /** Publishes every encoder under {@code devRoot} not published yet. */
    synchronized void scan(Path devRoot) {
        List<M2mEncoderNode> nodes = new M2mEncoderDiscovery(libc, devRoot).encoders();
        if (nodes.isEmpty() && byNode.isEmpty()) {
            LOG.info("no V4L2 memory-to-memory encoder found under {}; H.264 comes from the software encoder",
                    devRoot);
        }
        for (M2mEncoderNode node : nodes) {
            publish(node);
        }
    }

    /** A node appeared: publishes its encoders, if it has any and they are not published yet. */
    synchronized void added(String path) {
        if (closed || byNode.containsKey(path)) {
            return;
        }
        try (V4l2Device device = V4l2Device.open(libc, path)) {
            for (M2mEncoderNode node : M2mEncoderDiscovery.describe(device)) {
                publish(node);
            }
        } catch (CaptureException e) {
            LOG.debug("{} appeared but cannot be looked at for encoders: {}", path, e.getMessage());
        }
    }

    /** A node disappeared: withdraws its encoders. */
    synchronized void removed(String path) {
        Map<Integer, Runnable> withdrawals = byNode.remove(path);
        if (withdrawals != null) {
            withdrawals.values().forEach(Runnable::run);
            LOG.info("withdrew the V4L2 encoder services of {}: the node is gone", path);
        }
    }

    /** Withdraws everything; nothing is published afterwards. */
    synchronized void close() {
        closed = true;
        byNode.values().forEach(withdrawals -> withdrawals.values().forEach(Runnable::run));
        byNode.clear();
    }

    /** The nodes with published encoders. */
    synchronized List<String> nodes() {
        return new ArrayList<>(byNode.keySet());
    }

    /** The service properties of one encoder. */
    static Dictionary<String, Object> properties(V4l2EncoderFactory factory) {
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

    private void publish(M2mEncoderNode node) {
        if (closed) {
            return;
        }
        Map<Integer, Runnable> withdrawals = byNode.computeIfAbsent(node.path(), path -> new LinkedHashMap<>());
        if (withdrawals.containsKey(node.codedFourcc())) {
            return;
        }
        V4l2EncoderFactory factory = new V4l2EncoderFactory(libc, node);
        withdrawals.put(node.codedFourcc(), publisher.publish(factory, properties(factory)));
        LOG.info("registered the V4L2 {} as encoder service {}", node, factory.name());
    }
}
