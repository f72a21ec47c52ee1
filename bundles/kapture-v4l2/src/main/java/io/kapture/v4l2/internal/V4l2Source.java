package io.kapture.v4l2.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.api.PixelFormat;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.V4l2Discovery;
import io.kapture.v4l2.structs.V4l2Capability;

/**
 * A {@link V4l2CaptureSource} on one opened node: checks at open that the node captures video and that no other
 * stream owns it, then delegates formats to {@link FormatCatalog}, negotiation to {@link Negotiator}, controls to
 * {@link ControlTable}, streaming to a {@link BufferRing} per start and events that end a stream to
 * {@link StreamEndEvents}.
 *
 * <p>Threading as {@link io.kapture.api.spi.CaptureSource}: life-cycle methods and {@code dequeue} from one thread
 * at a time; {@code queue}, {@code queuedBuffers}, controls and {@code exportBuffer} from any thread. The current
 * ring is a volatile field so those see the ring the life-cycle thread set.
 */
public final class V4l2Source implements V4l2CaptureSource {

    private static final Logger LOG = LoggerFactory.getLogger(V4l2Source.class);

    private final V4l2Device device;
    private final DeviceInfo info;
    private final int bufferType;
    private final ControlTable controls;
    private final AtomicLong orphaned = new AtomicLong();
    private final StreamEndEvents events;
    private volatile BufferRing ring;
    /** Whether the negotiated format is MJPEG, whose frames are checked to be whole JPEGs. */
    private volatile boolean jpegFrames;
    private volatile boolean h264Frames;
    private volatile boolean closed;
    private volatile Runnable onClose = () -> { };

    private V4l2Source(V4l2Device device, DeviceInfo info, int bufferType) {
        this.device = device;
        this.info = info;
        this.bufferType = bufferType;
        this.controls = new ControlTable(device);
        this.events = new StreamEndEvents(device);
    }

    /**
     * Opens a node or stable name, resolving the name now (so a camera that came back under a new node is found).
     *
     * @throws io.kapture.api.DeviceLostException if there is no such device
     * @throws io.kapture.api.DeviceBusyException if another stream owns it
     * @throws CaptureException                   if it cannot capture video by streaming
     */
    public static V4l2Source open(Libc libc, String name) {
        String node = V4l2Discovery.resolve(name);
        V4l2Device device = V4l2Device.open(libc, node);
        try {
            V4l2Capability capability = device.queryCapabilities();
            DeviceInfo info = V4l2Discovery.describe(node, capability, V4l2Discovery.stableNames(node));
            int type = captureType(node, capability, info);
            probeOwnership(device, type);
            return new V4l2Source(device, info, type);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    /**
     * The formats a node or stable name offers, enumerated on a handle of their own that is closed again. There is
     * no ownership probe: enumeration needs no buffers, so this answers while another handle (a running camera,
     * another program) streams from the node, as {@code v4l2-ctl --list-formats-ext} does.
     *
     * @throws io.kapture.api.DeviceLostException if there is no such device
     * @throws CaptureException                   if it cannot capture video by streaming
     */
    public static List<FormatDescription> formatsOf(Libc libc, String name) {
        String node = V4l2Discovery.resolve(name);
        try (V4l2Device device = V4l2Device.open(libc, node)) {
            V4l2Capability capability = device.queryCapabilities();
            DeviceInfo info = V4l2Discovery.describe(node, capability, List.of());
            return catalogue(device, captureType(node, capability, info));
        }
    }

    /** The buffer type a capture node streams with; refuses nodes that cannot capture video by streaming. */
    private static int captureType(String node, V4l2Capability capability, DeviceInfo info) {
        int caps = capability.nodeCaps();
        int type = (caps & V4l2.CAP_VIDEO_CAPTURE) != 0 ? V4l2.BUF_TYPE_VIDEO_CAPTURE
                : (caps & V4l2.CAP_VIDEO_CAPTURE_MPLANE) != 0 ? V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE : 0;
        if (type == 0) {
            throw new CaptureException(node + " (" + capability.card() + ") cannot capture video; its"
                    + " capabilities are " + info.capabilities() + ". Pick a node whose capabilities include"
                    + " video-capture (a camera often has a second node for metadata)");
        }
        if ((caps & V4l2.CAP_STREAMING) == 0) {
            throw new CaptureException(node + " (" + capability.card() + ") does not support streaming I/O,"
                    + " which Kapture needs");
        }
        return type;
    }

    private static List<FormatDescription> catalogue(V4l2Device device, int bufferType) {
        return new FormatCatalog(device, bufferType).formats().stream().map(OfferedFormat::toDescription).toList();
    }

    /** {@code REQBUFS(0)} frees nothing but answers EBUSY if another file handle owns the queue. */
    private static void probeOwnership(V4l2Device device, int type) {
        device.requestBuffers(type, 0);
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    /** v4l2loopback and libcamera's compatibility layer cannot lend their buffers ({@link BufferLending}). */
    @Override
    public Optional<String> whyBuffersCannotBeLent() {
        return BufferLending.hazard(device.path(), info.driver());
    }

    @Override
    public String path() {
        return device.path();
    }

    @Override
    public V4l2Device device() {
        return device;
    }

    @Override
    public int bufferType() {
        return bufferType;
    }

    @Override
    public List<FormatDescription> formats() {
        return catalogue(device, bufferType);
    }

    @Override
    public Negotiation negotiate(FormatRequest request) {
        if (ring != null) {
            throw new IllegalStateException(device.path() + " is streaming; stop it before negotiating a format");
        }
        events.negotiating();
        Negotiation negotiated = new Negotiator(device, bufferType).negotiate(request,
                new FormatCatalog(device, bufferType).formats());
        jpegFrames = negotiated.format().pixelFormat() == PixelFormat.MJPEG;
        h264Frames = negotiated.format().pixelFormat() == PixelFormat.H264;
        return negotiated;
    }

    @Override
    public void start(int bufferCount) {
        if (closed) {
            throw new IllegalStateException(device.path() + " is closed");
        }
        if (ring != null) {
            throw new IllegalStateException(device.path() + " is already streaming");
        }
        if (bufferCount < 2) {
            throw new IllegalArgumentException("buffers must be at least 2, was " + bufferCount);
        }
        events.subscribe();
        BufferRing started = new BufferRing(device, bufferType, orphaned, events, info.driver());
        started.start(bufferCount);
        ring = started;
    }

    @Override
    public DriverBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException {
        BufferRing current = ring;
        if (current == null) {
            throw new IllegalStateException(device.path() + " is not streaming; call start first");
        }
        DriverBuffer buffer = current.dequeue(timeout, unit);
        if (jpegFrames && buffer instanceof MappedBuffer mapped
                && !JpegCompleteness.complete(mapped.memory(), mapped.bytesUsed())) {
            mapped.flagCorrupted();
        } else if (h264Frames && buffer instanceof MappedBuffer mapped
                && !H264Completeness.complete(mapped.memory(), mapped.bytesUsed())) {
            mapped.flagCorrupted();
        }
        return buffer;
    }

    @Override
    public void queue(DriverBuffer buffer) {
        BufferRing current = ring;
        if (current != null) {
            current.queue(buffer);
        }
    }

    @Override
    public int queuedBuffers() {
        BufferRing current = ring;
        return current == null ? 0 : current.queued();
    }

    @Override
    public int bufferCount() {
        BufferRing current = ring;
        return current == null ? 0 : current.count();
    }

    @Override
    public void stop() {
        BufferRing current = ring;
        ring = null;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public int exportBuffer(int index) {
        return exportBuffer(index, 0);
    }

    @Override
    public int exportBuffer(int index, int plane) {
        BufferRing current = ring;
        if (current == null || index < 0 || index >= current.count()) {
            throw new IllegalStateException(device.path() + ": no buffer " + index + " to export; start streaming"
                    + " first (buffers: " + bufferCount() + ")");
        }
        if (plane < 0 || plane >= current.planes()) {
            throw new IllegalStateException(device.path() + ": no plane " + plane + " to export; each buffer has "
                    + current.planes() + " plane(s)");
        }
        return device.exportBuffer(bufferType, index, plane);
    }

    @Override
    public int bufferPlanes() {
        BufferRing current = ring;
        return current == null ? 0 : current.planes();
    }

    @Override
    public long orphanedMappings() {
        return orphaned.get();
    }

    @Override
    public List<ControlInfo> controls() {
        return controls.list();
    }

    @Override
    public long control(String name) {
        return controls.get(name);
    }

    @Override
    public void control(String name, long value) {
        controls.set(name, value);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.warn("{}: stopping at close failed; closing the device anyway", device.path(), e);
        } finally {
            device.close();
            onClose.run();
        }
    }

    /** Runs {@code action} once this source is closed (the provider forgets it then). */
    void onClose(Runnable action) {
        this.onClose = action;
        if (closed) {
            action.run();
        }
    }

    @Override
    public String toString() {
        return "V4L2 source " + device.path() + " (" + info.card() + ")";
    }
}
