package io.kapture.v4l2.internal.m2m;

import java.util.List;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2StreamParm;

/**
 * The format steps of the stateful encoder protocol, in the order the kernel's encoder interface asks for: the
 * coded format on CAPTURE first (it decides which raw formats the OUTPUT queue then offers), then the raw format and
 * size on OUTPUT, then the frame interval on OUTPUT ({@code VIDIOC_S_PARM}, which an encoder's rate control uses).
 * Also picks the raw format for a camera's frames: its own where the driver takes it and it is packed, else I420 or
 * NV12 (multi-planar variants first on a multi-planar node), converted by kapture-convert.
 *
 * <p>Stateless; the device calls run on the caller's thread.
 */
final class EncoderFormats {

    private static final List<PixelFormat> PACKED = List.of(PixelFormat.YUYV, PixelFormat.UYVY, PixelFormat.RGB24,
            PixelFormat.BGR24, PixelFormat.GREY);

    private EncoderFormats() {
    }

    /** The raw format to feed {@code node} with frames of {@code input}, or -1 if there is none. */
    static int rawFormatFor(M2mEncoderNode node, FrameFormat input) {
        if (input.pixelFormat().isCompressed()) {
            return -1;
        }
        int own = input.pixelFormat().fourcc();
        if (PACKED.contains(input.pixelFormat()) && node.rawFourccs().contains(own)) {
            return own;
        }
        List<Integer> converted = node.multiPlanar()
                ? List.of(V4l2.PIX_FMT_YUV420M, V4l2.PIX_FMT_NV12M, V4l2.PIX_FMT_YUV420, V4l2.PIX_FMT_NV12)
                : List.of(V4l2.PIX_FMT_YUV420, V4l2.PIX_FMT_NV12);
        for (int fourcc : converted) {
            if (node.rawFourccs().contains(fourcc)) {
                return fourcc;
            }
        }
        return -1;
    }

    /** {@code S_FMT} of the coded format on CAPTURE; the driver must keep the format (it may size the buffers). */
    static void setCoded(V4l2Device device, M2mEncoderNode node, FrameFormat input) {
        V4l2Format coded = new V4l2Format();
        coded.type(node.captureType());
        coded.width(input.width());
        coded.height(input.height());
        coded.pixelFormat(node.codedFourcc());
        if (node.multiPlanar()) {
            coded.numPlanes(1);
        }
        device.ioctl(V4l2.VIDIOC_S_FMT, coded);
        if (coded.pixelFormat() != node.codedFourcc()) {
            throw new IllegalArgumentException(device.path() + " did not take " + node.codec() + " on its CAPTURE"
                    + " queue, it chose " + PixelFormat.fourccString(coded.pixelFormat()));
        }
    }

    /**
     * {@code S_FMT} of the raw format and size on OUTPUT. The driver may round the size up to its alignment (the
     * frame then fills the top-left), never down.
     */
    static RawFrameWriter.Layout setRaw(V4l2Device device, M2mEncoderNode node, FrameFormat input, int rawFourcc) {
        V4l2Format raw = new V4l2Format();
        raw.type(node.outputType());
        raw.width(input.width());
        raw.height(input.height());
        raw.pixelFormat(rawFourcc);
        raw.field(V4l2.FIELD_NONE);
        if (node.multiPlanar()) {
            raw.numPlanes(rawFourcc == V4l2.PIX_FMT_YUV420M ? 3 : rawFourcc == V4l2.PIX_FMT_NV12M ? 2 : 1);
        }
        device.ioctl(V4l2.VIDIOC_S_FMT, raw);
        if (raw.pixelFormat() != rawFourcc) {
            throw new IllegalArgumentException(device.path() + " did not take " + PixelFormat.fourccString(rawFourcc)
                    + " frames on its OUTPUT queue, it chose " + PixelFormat.fourccString(raw.pixelFormat()));
        }
        if (raw.width() < input.width() || raw.height() < input.height()) {
            throw new IllegalArgumentException(device.path() + " cannot encode " + input.width() + "x"
                    + input.height() + " frames; it offered " + raw.width() + "x" + raw.height()
                    + ": configure the camera for a size the encoder supports");
        }
        int planes = raw.numPlanes();
        int[] bytesPerLine = new int[planes];
        int[] sizeImage = new int[planes];
        for (int plane = 0; plane < planes; plane++) {
            bytesPerLine[plane] = node.multiPlanar() ? raw.planeBytesPerLine(plane) : raw.bytesPerLine();
            sizeImage[plane] = node.multiPlanar() ? raw.planeSizeImage(plane) : raw.sizeImage();
        }
        return new RawFrameWriter.Layout(rawFourcc, raw.height(), bytesPerLine, sizeImage);
    }

    /**
     * {@code S_PARM} of the frame interval on OUTPUT.
     *
     * @return null if set, else why not (many encoders, vicodec among them, have no frame interval)
     */
    static String setFrameRate(V4l2Device device, M2mEncoderNode node, double framesPerSecond) {
        V4l2StreamParm parm = new V4l2StreamParm();
        parm.type(node.outputType());
        parm.timePerFrame(1000, (int) Math.round(framesPerSecond * 1000));
        int result = device.tryIoctl(V4l2.VIDIOC_S_PARM, parm);
        if (result < 0) {
            return "frame rate " + framesPerSecond + " (VIDIOC_S_PARM on OUTPUT): refused with "
                    + Errno.describe(-result);
        }
        return null;
    }
}
