package io.kapture.v4l2.internal.m2m;

import io.kapture.api.FrameFormat;
import io.kapture.api.encoder.AccessUnitSink;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.v4l2.Libc;

/**
 * The {@link VideoEncoderFactory} of one memory-to-memory encoder node and coded format, registered by
 * {@link M2mEncoderRegistrar}. It accepts raw frames the node takes as they are or as I420/NV12 after conversion;
 * never MJPEG or H.264 (H.264 cameras pass through, MJPEG would need a decode first, which the software encoder
 * does).
 *
 * <p>Thread-safe: immutable; each opened encoder is independent (a hardware encoder may refuse a second session
 * with EBUSY, which {@link #open} reports as {@link IllegalStateException}).
 */
public final class V4l2EncoderFactory implements VideoEncoderFactory {

    private final Libc libc;
    private final M2mEncoderNode node;

    public V4l2EncoderFactory(Libc libc, M2mEncoderNode node) {
        this.libc = libc;
        this.node = node;
    }

    /** The node this factory encodes on. */
    public M2mEncoderNode node() {
        return node;
    }

    /** {@code v4l2:<driver>:<node>}, for example {@code v4l2:bcm2835-codec:/dev/video11}. */
    @Override
    public String name() {
        return "v4l2:" + node.driver() + ":" + node.path();
    }

    @Override
    public boolean accepts(FrameFormat input) {
        return unavailableReason(input).isEmpty();
    }

    @Override
    public String unavailableReason(FrameFormat input) {
        if (input.pixelFormat().isCompressed()) {
            return "the V4L2 encoder " + node + " takes raw frames only, the camera delivers " + input.pixelFormat()
                    + " (configure a raw format such as YUYV, or use the software encoder)";
        }
        if (EncoderFormats.rawFormatFor(node, input) < 0) {
            return node + " takes none of " + input.pixelFormat() + ", YUV420 or NV12 on its OUTPUT queue";
        }
        return "";
    }

    @Override
    public VideoEncoder open(FrameFormat input, EncoderSettings settings, AccessUnitSink sink) {
        String reason = unavailableReason(input);
        if (!reason.isEmpty()) {
            throw new IllegalArgumentException(reason);
        }
        return M2mEncoder.open(libc, node, input, settings, sink);
    }

    @Override
    public String toString() {
        return name();
    }
}
