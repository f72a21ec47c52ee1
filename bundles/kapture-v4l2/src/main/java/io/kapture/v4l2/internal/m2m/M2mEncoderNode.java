package io.kapture.v4l2.internal.m2m;

import java.util.Set;

import io.kapture.api.PixelFormat;
import io.kapture.v4l2.V4l2;

/**
 * A memory-to-memory encoder node as discovery found it: a device whose CAPTURE queue offers a compressed format
 * and whose OUTPUT queue takes raw frames. One node with several coded formats gives one of these per format.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param path        the device node, {@code /dev/video11}
 * @param driver      {@code VIDIOC_QUERYCAP}'s driver name ({@code bcm2835-codec}, {@code vicodec})
 * @param card        its card name
 * @param codedFourcc the coded format of the CAPTURE queue
 * @param rawFourccs  the raw formats the OUTPUT queue takes
 * @param multiPlanar whether the node uses the multi-planar API ({@code V4L2_CAP_VIDEO_M2M_MPLANE})
 */
public record M2mEncoderNode(String path, String driver, String card, int codedFourcc, Set<Integer> rawFourccs,
        boolean multiPlanar) {

    public M2mEncoderNode {
        rawFourccs = Set.copyOf(rawFourccs);
    }

    /** The codec name services are registered under: {@code H264}, {@code HEVC}, {@code VP8}, {@code FWHT}, else the fourcc. */
    public String codec() {
        if (codedFourcc == V4l2.PIX_FMT_H264) {
            return "H264";
        }
        if (codedFourcc == V4l2.PIX_FMT_HEVC) {
            return "HEVC";
        }
        if (codedFourcc == V4l2.PIX_FMT_VP8) {
            return "VP8";
        }
        return PixelFormat.fourccString(codedFourcc).strip();
    }

    /** The OUTPUT buffer type of this node. */
    int outputType() {
        return multiPlanar ? V4l2.BUF_TYPE_VIDEO_OUTPUT_MPLANE : V4l2.BUF_TYPE_VIDEO_OUTPUT;
    }

    /** The CAPTURE buffer type of this node. */
    int captureType() {
        return multiPlanar ? V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE : V4l2.BUF_TYPE_VIDEO_CAPTURE;
    }

    @Override
    public String toString() {
        return codec() + " encoder " + driver + " at " + path;
    }
}
