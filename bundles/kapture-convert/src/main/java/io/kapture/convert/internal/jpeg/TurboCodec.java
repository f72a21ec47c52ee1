package io.kapture.convert.internal.jpeg;

import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.ERR_WARNING;
import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.FLAG_NOREALLOC;
import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.PF_BGR;
import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.PF_BGRX;
import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.PF_GRAY;
import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.PF_RGB;
import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.PF_XRGB;
import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.SAMP_420;
import static io.kapture.convert.internal.jpeg.TurboJpegLibrary.SAMP_GRAY;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import io.kapture.api.PixelFormat;
import io.kapture.convert.internal.RawLayout;

/**
 * One TurboJPEG compressor and decompressor with the native memory they work in: the source (YUV planes, pixels or
 * the JPEG to decode), the output (the JPEG, sized with {@code tjBufSize} so the library never reallocates it, or the
 * decoded pixels) and a small block for the arguments the library writes back (JPEG size, header fields). Handles are
 * created on first use, buffers grow only for a larger image than before: a stream of same-sized frames makes no
 * native allocation after its first frame. The one Java allocation per encode is the returned JPEG array.
 *
 * <p>Not thread-safe, as TurboJPEG handles are not: a codec is used by one thread at a time, which {@link TurboPool}
 * guarantees by lending it out. {@link #close()} destroys the handles and frees all native memory.
 */
final class TurboCodec implements AutoCloseable {

    private static final AtomicInteger LIVE_HANDLES = new AtomicInteger();

    private static final int PLANES = 0;
    private static final int STRIDES = 24;
    private static final int JPEG_BUFFER = 40;
    private static final int JPEG_SIZE = 48;
    private static final int HEADER = 56;
    private static final int ARGUMENTS_SIZE = 72;

    private final TurboPool lender;
    private final Memory arguments = new Memory(ARGUMENTS_SIZE);
    private final long argumentsAddress = Pointer.nativeValue(arguments);
    private final NativeBlock source = new NativeBlock();
    private final NativeBlock output = new NativeBlock();
    private final TurboYuvPacker packer = new TurboYuvPacker();
    private long compressor;
    private long decompressor;
    private int jpegLength;

    TurboCodec(TurboPool lender) {
        this.lender = lender;
    }

    /** The pool this codec goes back to. */
    TurboPool lender() {
        return lender;
    }

    /** The TurboJPEG handles alive in this JVM, for tests that check every one is destroyed. */
    static int liveHandles() {
        return LIVE_HANDLES.get();
    }

    /**
     * Encodes an uncompressed image: YUV layouts through their planes, GREY as one plane, RGB24/BGR24 as pixels.
     *
     * @param quality 1 to 100
     */
    byte[] encode(ByteBuffer src, RawLayout layout, int quality) {
        int width = layout.width();
        int height = layout.height();
        switch (layout.pixelFormat()) {
            case YUYV, UYVY, NV12, YU12, NV21, YV12, NV16 -> {
                source.ensure(TurboYuvPacker.planesSize(width, height));
                packer.pack420(src, layout, source.view());
                return compressPlanes(width, height, quality);
            }
            case GREY -> {
                source.ensure((long) width * height);
                TurboYuvPacker.copyLines(src, layout, 1, source.view());
                return compressPixels(width, height, width, PF_GRAY, SAMP_GRAY, quality);
            }
            case RGB24, BGR24 -> {
                source.ensure(3L * width * height);
                TurboYuvPacker.copyLines(src, layout, 3, source.view());
                int format = layout.pixelFormat() == PixelFormat.RGB24 ? PF_RGB : PF_BGR;
                return compressPixels(width, height, width * 3, format, SAMP_420, quality);
            }
            default -> throw new IllegalArgumentException(layout.pixelFormat() + " is not an uncompressed layout");
        }
    }

    /** Encodes packed B, G, R bytes ({@code grey}: one byte per pixel) without line padding. */
    byte[] encodeBytes(byte[] pixels, int width, int height, boolean grey, int quality) {
        int size = width * height * (grey ? 1 : 3);
        source.ensure(size);
        source.view().put(0, pixels, 0, size);
        return grey ? compressPixels(width, height, width, PF_GRAY, SAMP_GRAY, quality)
                : compressPixels(width, height, width * 3, PF_BGR, SAMP_420, quality);
    }

    /** Encodes {@code 0x00RRGGBB} ints ({@code BufferedImage.TYPE_INT_RGB}) without line padding. */
    byte[] encodeInts(int[] pixels, int width, int height, int quality) {
        int count = width * height;
        source.ensure(4L * count);
        source.write(pixels, count);
        int format = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? PF_BGRX : PF_XRGB;
        return compressPixels(width, height, width * 4, format, SAMP_420, quality);
    }

    /**
     * Copies the JPEG between {@code jpeg}'s position and limit to native memory and reads its header.
     *
     * @return width in the high 32 bits, height in the low ones
     * @throws IllegalArgumentException if libjpeg-turbo cannot read the header (its message included)
     */
    long readHeader(ByteBuffer jpeg) {
        jpegLength = jpeg.remaining();
        source.ensure(Math.max(1, jpegLength));
        source.view().put(0, jpeg, jpeg.position(), jpegLength);
        long handle = decompressor();
        arguments.setLong(HEADER, 0);
        if (TurboJpegLibrary.tjDecompressHeader3(handle, source.address(), jpegLength, argumentsAddress + HEADER,
                argumentsAddress + HEADER + 4, argumentsAddress + HEADER + 8, argumentsAddress + HEADER + 12) != 0) {
            throw new IllegalArgumentException("cannot read the header of " + jpegLength + " bytes as JPEG: "
                    + TurboJpegLibrary.errorText(handle));
        }
        int width = arguments.getInt(HEADER);
        int height = arguments.getInt(HEADER + 4);
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(jpegLength + " bytes of JPEG hold no image (no frame header before "
                    + "their end; tables only or truncated)");
        }
        return (long) width << 32 | height & 0xffffffffL;
    }

    /**
     * Decodes the JPEG of the last {@link #readHeader} into {@code out} as unpadded lines of {@code pixelFormat}
     * (TurboJPEG's PF_ constant, {@code bytesPerPixel} each). A JPEG the library decodes with a warning (damaged
     * but complete, as webcams sometimes send) is accepted, as javax.imageio accepts it.
     *
     * @throws IllegalArgumentException if the data cannot be decoded (libjpeg-turbo's message included)
     */
    void decode(int pixelFormat, int bytesPerPixel, int width, int height, byte[] out) {
        int size = width * height * bytesPerPixel;
        output.ensure(size);
        long handle = decompressor();
        int result = TurboJpegLibrary.tjDecompress2(handle, source.address(), jpegLength, output.address(), width,
                width * bytesPerPixel, height, pixelFormat, 0);
        if (result != 0 && TurboJpegLibrary.tjGetErrorCode(handle) != ERR_WARNING) {
            throw new IllegalArgumentException("cannot decode " + jpegLength + " bytes of " + width + "x" + height
                    + " JPEG: " + TurboJpegLibrary.errorText(handle));
        }
        output.view().get(0, out, 0, size);
    }

    /** Destroys the handles and frees the native memory; the codec must not be used afterwards. */
    @Override
    public void close() {
        try {
            destroy(compressor);
            destroy(decompressor);
        } finally {
            compressor = 0;
            decompressor = 0;
            source.close();
            output.close();
            arguments.close();
        }
    }

    private byte[] compressPlanes(int width, int height, int quality) {
        long luma = (long) width * TurboYuvPacker.paddedHeight(height);
        long base = source.address();
        arguments.setLong(PLANES, base);
        arguments.setLong(PLANES + 8, base + luma);
        arguments.setLong(PLANES + 16, base + luma + luma / 4);
        arguments.setInt(STRIDES, width);
        arguments.setInt(STRIDES + 4, width / 2);
        arguments.setInt(STRIDES + 8, width / 2);
        long handle = compressor();
        prepareOutput(width, height, SAMP_420);
        int result = TurboJpegLibrary.tjCompressFromYUVPlanes(handle, argumentsAddress + PLANES, width,
                argumentsAddress + STRIDES, height, SAMP_420, argumentsAddress + JPEG_BUFFER,
                argumentsAddress + JPEG_SIZE, quality, FLAG_NOREALLOC);
        return compressed(result, handle, width, height);
    }

    private byte[] compressPixels(int width, int height, int pitch, int pixelFormat, int subsampling, int quality) {
        long handle = compressor();
        prepareOutput(width, height, subsampling);
        int result = TurboJpegLibrary.tjCompress2(handle, source.address(), width, pitch, height, pixelFormat,
                argumentsAddress + JPEG_BUFFER, argumentsAddress + JPEG_SIZE, subsampling, quality, FLAG_NOREALLOC);
        return compressed(result, handle, width, height);
    }

    private void prepareOutput(int width, int height, int subsampling) {
        long worstCase = TurboJpegLibrary.tjBufSize(width, height, subsampling);
        if (worstCase <= 0) {
            throw new IllegalArgumentException("libjpeg-turbo cannot encode a " + width + "x" + height + " image");
        }
        output.ensure(worstCase);
        arguments.setLong(JPEG_BUFFER, output.address());
        arguments.setLong(JPEG_SIZE, worstCase);
    }

    private byte[] compressed(int result, long handle, int width, int height) {
        if (result != 0) {
            throw new IllegalStateException("libjpeg-turbo could not encode a " + width + "x" + height + " image: "
                    + TurboJpegLibrary.errorText(handle));
        }
        byte[] jpeg = new byte[Math.toIntExact(arguments.getLong(JPEG_SIZE))];
        output.view().get(0, jpeg, 0, jpeg.length);
        return jpeg;
    }

    private long compressor() {
        if (compressor == 0) {
            compressor = created(TurboJpegLibrary.tjInitCompress(), "compressor");
        }
        return compressor;
    }

    private long decompressor() {
        if (decompressor == 0) {
            decompressor = created(TurboJpegLibrary.tjInitDecompress(), "decompressor");
        }
        return decompressor;
    }

    private static long created(long handle, String what) {
        if (handle == 0) {
            throw new IllegalStateException("libjpeg-turbo could not create a " + what + ": "
                    + TurboJpegLibrary.errorText(0));
        }
        LIVE_HANDLES.incrementAndGet();
        return handle;
    }

    private static void destroy(long handle) {
        if (handle != 0) {
            TurboJpegLibrary.tjDestroy(handle);
            LIVE_HANDLES.decrementAndGet();
        }
    }
}
