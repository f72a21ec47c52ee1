package io.kapture.v4l2.internal.m2m;

import java.nio.ByteBuffer;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.convert.PixelConversion;
import io.kapture.v4l2.V4l2;

/**
 * Writes a camera frame into an OUTPUT buffer of the raw format the encoder was given: a packed format the driver
 * takes as it is (YUYV into vicodec) is copied row by row, honouring both sides' bytes per line; anything else is
 * converted to I420 by kapture-convert into a scratch buffer and laid out as the driver's YUV420 / YUV420M
 * (three planes) or NV12 / NV12M (chroma interleaved) with the driver's strides. The driver may have rounded the
 * size up (hardware encoders align to 16 or 32): the frame then fills the top-left and the rest keeps what it had.
 *
 * <p>Threading: confined to the encoder's caller thread; owns its scratch buffer.
 */
final class RawFrameWriter {

    /** The driver's OUTPUT format after {@code S_FMT}: fourcc, height and per-plane stride and size. */
    record Layout(int fourcc, int height, int[] bytesPerLine, int[] sizeImage) {
    }

    private final FrameFormat input;
    private final Layout layout;
    private final boolean direct;
    private final ByteBuffer i420;

    RawFrameWriter(FrameFormat input, Layout layout) {
        this.input = input;
        this.layout = layout;
        this.direct = layout.fourcc() == input.pixelFormat().fourcc();
        if (direct && layout.bytesPerLine().length != 1) {
            throw new IllegalArgumentException("a " + input.pixelFormat() + " frame cannot be copied into "
                    + layout.bytesPerLine().length + " planes");
        }
        if (!direct && !converts(layout.fourcc())) {
            throw new IllegalArgumentException("Kapture writes raw frames as the camera's own packed format, YUV420"
                    + " or NV12 only, not " + io.kapture.api.PixelFormat.fourccString(layout.fourcc()));
        }
        this.i420 = direct ? null : ByteBuffer.allocateDirect(PixelConversion.i420Size(input));
    }

    /** Whether frames are converted (true) or copied as they are. */
    boolean converting() {
        return !direct;
    }

    /** The raw formats Kapture converts into. */
    static boolean converts(int fourcc) {
        return fourcc == V4l2.PIX_FMT_YUV420 || fourcc == V4l2.PIX_FMT_YUV420M || fourcc == V4l2.PIX_FMT_NV12
                || fourcc == V4l2.PIX_FMT_NV12M;
    }

    /**
     * Writes the frame into the planes of one buffer.
     *
     * @return bytes used per plane, for {@code QBUF}
     */
    int[] write(Frame frame, ByteBuffer[] planes) {
        if (direct) {
            copyRows(frame.data().duplicate(), input.bytesPerLine(), planes[0], 0, layout.bytesPerLine()[0],
                    input.bytesPerLine() == 0 ? rowBytes() : Math.min(rowBytes(), input.bytesPerLine()),
                    input.height());
        } else {
            i420.clear();
            PixelConversion.toI420(frame.data(), frame.format(), i420);
            layOut(planes);
        }
        return layout.sizeImage().clone();
    }

    private int rowBytes() {
        return input.width() * input.pixelFormat().bitsPerPixel() / 8;
    }

    private void layOut(ByteBuffer[] planes) {
        int width = input.width();
        int height = input.height();
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        int lumaSize = width * height;
        int chromaSize = chromaWidth * chromaHeight;
        int stride = layout.bytesPerLine()[0];
        copyRows(i420.duplicate().position(0), width, planes[0], 0, stride, width, height);
        boolean nv12 = layout.fourcc() == V4l2.PIX_FMT_NV12 || layout.fourcc() == V4l2.PIX_FMT_NV12M;
        if (nv12) {
            ByteBuffer target = planes.length > 1 ? planes[1] : planes[0];
            int offset = planes.length > 1 ? 0 : stride * layout.height();
            int chromaStride = planes.length > 1 ? layout.bytesPerLine()[1] : stride;
            for (int row = 0; row < chromaHeight; row++) {
                int at = offset + row * chromaStride;
                for (int column = 0; column < chromaWidth; column++) {
                    target.put(at + 2 * column, i420.get(lumaSize + row * chromaWidth + column));
                    target.put(at + 2 * column + 1, i420.get(lumaSize + chromaSize + row * chromaWidth + column));
                }
            }
            return;
        }
        if (planes.length >= 3) {
            copyRows(i420.duplicate().position(lumaSize), chromaWidth, planes[1], 0, layout.bytesPerLine()[1],
                    chromaWidth, chromaHeight);
            copyRows(i420.duplicate().position(lumaSize + chromaSize), chromaWidth, planes[2], 0,
                    layout.bytesPerLine()[2], chromaWidth, chromaHeight);
            return;
        }
        int chromaStride = stride / 2;
        int cbOffset = stride * layout.height();
        int crOffset = cbOffset + chromaStride * ((layout.height() + 1) / 2);
        copyRows(i420.duplicate().position(lumaSize), chromaWidth, planes[0], cbOffset, chromaStride, chromaWidth,
                chromaHeight);
        copyRows(i420.duplicate().position(lumaSize + chromaSize), chromaWidth, planes[0], crOffset, chromaStride,
                chromaWidth, chromaHeight);
    }

    /** Copies {@code rows} rows of {@code length} bytes from the source's position on into the target at {@code offset}. */
    private static void copyRows(ByteBuffer source, int sourceStride, ByteBuffer target, int offset, int targetStride,
            int length, int rows) {
        int base = source.position();
        int stride = sourceStride == 0 ? length : sourceStride;
        for (int row = 0; row < rows; row++) {
            target.put(offset + row * targetStride, source, base + row * stride, length);
        }
    }
}
