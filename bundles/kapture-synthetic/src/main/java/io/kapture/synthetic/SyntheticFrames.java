package io.kapture.synthetic;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.synthetic.internal.paint.CodeLayout;
import io.kapture.synthetic.internal.paint.Rect;

/**
 * Reads the sequence number that Kapture's synthetic camera draws into every frame, so tests can tell exactly
 * which frame they received: after dropping, reordering or copying, the pixels still say where they came from.
 *
 * <p>The code is 40 blocks of white (1) and black (0) along the top-left corner: the low 32 bits of the
 * sequence number and 8 check bits. It survives format conversion and JPEG compression at the synthetic
 * camera's sizes, but not scaling or cropping.
 *
 * <p>Stateless; every method is safe from any thread.
 */
public final class SyntheticFrames {
    private static final int THRESHOLD = 128;

    private SyntheticFrames() {
    }

    /**
     * The sequence number drawn into a frame.
     *
     * @param data   the image, starting at index 0 (as {@code Frame.data()} or a driver buffer gives it); for
     *               MJPEG the JPEG fills index 0 to the limit
     * @param format the frame's format; YUYV, UYVY, the planar formats (NV12, NV21,
     *               YU12, YV12, NV16), GREY, RGB24, BGR24 and MJPEG are readable
     * @return the sequence number's low 32 bits, 0 to 2<sup>32</sup>-1
     * @throws IllegalArgumentException if the format is not readable or the frame carries no valid code
     */
    public static long sequenceOf(ByteBuffer data, FrameFormat format) {
        if (format.pixelFormat() == PixelFormat.MJPEG) {
            return sequenceOf(decodeJpeg(data));
        }
        int stride = format.bytesPerLine() > 0 ? format.bytesPerLine()
                : format.pixelFormat().minBytesPerLine(format.width());
        LumaReader luma = switch (format.pixelFormat()) {
            case YUYV -> (x, y) -> data.get(y * stride + 2 * x) & 0xFF;
            case UYVY -> (x, y) -> data.get(y * stride + 2 * x + 1) & 0xFF;
            case NV12, NV21, YU12, YV12, NV16, GREY -> (x, y) -> data.get(y * stride + x) & 0xFF;
            case RGB24 -> (x, y) -> luma(rgbAt(data, y * stride + 3 * x, false));
            case BGR24 -> (x, y) -> luma(rgbAt(data, y * stride + 3 * x, true));
            default -> throw new IllegalArgumentException("cannot read a sequence code from " + format.pixelFormat()
                    + " frames; readable: YUYV, UYVY, NV12, NV21, YU12, YV12, NV16, GREY, RGB24, BGR24, MJPEG");
        };
        CodeLayout layout = CodeLayout.of(format.width(), format.height());
        if ((long) layout.height() * stride > data.limit()) {
            throw new IllegalArgumentException("frame data of " + data.limit() + " bytes is too short for a "
                    + format + " frame");
        }
        return read(layout, luma);
    }

    /** The sequence number drawn into a decoded image (for example an MJPEG frame read with ImageIO). */
    public static long sequenceOf(BufferedImage image) {
        CodeLayout layout = CodeLayout.of(image.getWidth(), image.getHeight());
        return read(layout, (x, y) -> luma(image.getRGB(x, y)));
    }

    private static long read(CodeLayout layout, LumaReader luma) {
        int inset = layout.blockSize() / 4;
        int side = Math.max(1, layout.blockSize() / 2);
        long word = 0;
        for (int bit = 0; bit < CodeLayout.BITS; bit++) {
            Rect block = layout.block(bit);
            int sum = 0;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    sum += luma.at(block.x() + inset + x, block.y() + inset + y);
                }
            }
            word = word << 1 | (sum >= THRESHOLD * side * side ? 1 : 0);
        }
        long sequence = CodeLayout.decode(word);
        if (sequence < 0) {
            throw new IllegalArgumentException("the frame carries no synthetic sequence code (its check bits do"
                    + " not match); was it captured from a synthetic camera, unscaled?");
        }
        return sequence;
    }

    private static BufferedImage decodeJpeg(ByteBuffer data) {
        byte[] bytes = new byte[data.limit()];
        data.get(0, bytes);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalArgumentException("this Java runtime has no JPEG decoder (javax.imageio)");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input);
            return reader.read(0);
        } catch (IOException e) {
            throw new IllegalArgumentException("the MJPEG frame (" + bytes.length + " bytes) is not a readable JPEG: "
                    + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static int rgbAt(ByteBuffer data, int index, boolean bgr) {
        int first = data.get(index) & 0xFF;
        int green = data.get(index + 1) & 0xFF;
        int last = data.get(index + 2) & 0xFF;
        return bgr ? last << 16 | green << 8 | first : first << 16 | green << 8 | last;
    }

    private static int luma(int rgb) {
        return ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    }

    /** Luma of one pixel. */
    @FunctionalInterface
    private interface LumaReader {
        int at(int x, int y);
    }
}
