package io.kapture.convert.internal.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.kapture.api.PixelFormat;
import io.kapture.convert.internal.LumaKernels;
import io.kapture.convert.internal.RawLayout;
import io.kapture.convert.internal.RgbKernels;

/**
 * JPEG through the JDK's {@code javax.imageio}, the engine that needs nothing installed. Streams are memory-cached
 * explicitly, so no temporary files are written whatever {@link ImageIO#getUseCache()} says; the JDK's reader also
 * accepts the Huffman-table-less JPEGs many UVC webcams send. Uncompressed frames go through an RGB image converted
 * as {@code PixelConversion} does (GREY through a grey one).
 *
 * <p>Stateless; safe from any thread (each call uses its own reader or writer).
 */
public final class ImageIoJpeg implements JpegCodec {

    @Override
    public String name() {
        return "javax.imageio";
    }

    @Override
    public byte[] encode(ByteBuffer src, RawLayout layout, float quality) {
        BufferedImage image;
        if (layout.pixelFormat() == PixelFormat.GREY) {
            image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_BYTE_GRAY);
            LumaKernels.extract(src, layout, pixels(image));
        } else {
            image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_3BYTE_BGR);
            RgbKernels.convert(src, layout, pixels(image), true);
        }
        return encode(image, quality);
    }

    @Override
    public byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = writer("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, Images.packed(image), param);
    }

    /** The image as a PNG, lossless, alpha kept (PNG has no native engine here). */
    public static byte[] encodePng(BufferedImage image) {
        return write(writer("png"), image, null);
    }

    @Override
    public BufferedImage decode(ByteBuffer jpeg) {
        byte[] bytes = new byte[jpeg.remaining()];
        jpeg.get(jpeg.position(), bytes);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no javax.imageio JPEG reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot decode " + bytes.length + " bytes as JPEG: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    @Override
    public void decode(ByteBuffer jpeg, int width, int height, DecodeTarget target, byte[] out) {
        BufferedImage image = decode(jpeg);
        Images.checkSize(image.getWidth(), image.getHeight(), width, height);
        int[] line = new int[width];
        int o = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, line, 0, width);
            for (int x = 0; x < width; x++) {
                int r = line[x] >> 16 & 0xff;
                int g = line[x] >> 8 & 0xff;
                int b = line[x] & 0xff;
                switch (target) {
                    case RGB -> o = triple(out, o, r, g, b);
                    case BGR -> o = triple(out, o, b, g, r);
                    case LUMA -> out[o++] = (byte) LumaKernels.videoLuma(r, g, b);
                }
            }
        }
    }

    @Override
    public void close() {
        // nothing native to release
    }

    private static int triple(byte[] out, int o, int first, int second, int third) {
        out[o] = (byte) first;
        out[o + 1] = (byte) second;
        out[o + 2] = (byte) third;
        return o + 3;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static ImageWriter writer(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no javax.imageio " + format + " writer");
        }
        return writers.next();
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4 + 1024);
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a " + image.getWidth() + "x" + image.getHeight() + " image failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
