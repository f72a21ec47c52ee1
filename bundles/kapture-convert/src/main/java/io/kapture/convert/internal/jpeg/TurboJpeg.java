package io.kapture.convert.internal.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;

import io.kapture.convert.internal.RawLayout;

/**
 * JPEG through libjpeg-turbo's TurboJPEG API. YUV frames are compressed from their planes (no RGB round trip), MJPEG
 * is decoded straight into the caller's array; the per-thread work happens in a {@link TurboCodec} lent by a
 * {@link TurboPool} of at most one codec per core, so steady use makes no native allocation and the only Java
 * allocation per encode is the JPEG array returned.
 *
 * <p>Thread-safe. {@link #close()} destroys every codec (those in use as they are given back) and starts an empty
 * pool, so the engine stays usable: the bundle calls it when it stops.
 */
public final class TurboJpeg implements JpegCodec {

    /** The library this engine needs, as named in messages. */
    public static final String LIBRARY = TurboJpegLibrary.NAME;

    private final int limit;
    private volatile TurboPool pool;

    private TurboJpeg(int limit) {
        this.limit = limit;
        this.pool = new TurboPool(limit);
    }

    /**
     * Loads {@code libturbojpeg.so.0} and checks that it encodes a small image.
     *
     * @param limit at most this many codecs (threads encoding or decoding at once); more callers wait
     * @throws LinkageError      if JNA or the library (or one of its functions) is missing
     * @throws RuntimeException  if the library is there but fails
     */
    public static TurboJpeg open(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the codec limit must be at least 1, was " + limit);
        }
        TurboJpegLibrary.load();
        TurboJpeg turbo = new TurboJpeg(limit);
        try {
            turbo.encode(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), 0.5f);
        } finally {
            turbo.close();
        }
        return turbo;
    }

    /** TurboJPEG handles alive in this JVM (every engine's), for tests of the release paths. */
    public static int liveHandles() {
        return TurboCodec.liveHandles();
    }

    /** Native buffers allocated so far by every engine, for tests that a steady stream allocates none. */
    public static long nativeAllocations() {
        return NativeBlock.allocations();
    }

    @Override
    public String name() {
        return "libjpeg-turbo";
    }

    @Override
    public byte[] encode(ByteBuffer src, RawLayout layout, float quality) {
        TurboCodec codec = borrow();
        try {
            return codec.encode(src, layout, level(quality));
        } finally {
            codec.lender().giveBack(codec);
        }
    }

    @Override
    public byte[] encode(BufferedImage image, float quality) {
        BufferedImage source = Images.packed(image);
        WritableRaster raster = source.getRaster();
        TurboCodec codec = borrow();
        try {
            if (source.getType() == BufferedImage.TYPE_INT_RGB) {
                int[] pixels = ((DataBufferInt) raster.getDataBuffer()).getData();
                return codec.encodeInts(pixels, source.getWidth(), source.getHeight(), level(quality));
            }
            byte[] pixels = ((DataBufferByte) raster.getDataBuffer()).getData();
            return codec.encodeBytes(pixels, source.getWidth(), source.getHeight(),
                    source.getType() == BufferedImage.TYPE_BYTE_GRAY, level(quality));
        } finally {
            codec.lender().giveBack(codec);
        }
    }

    @Override
    public BufferedImage decode(ByteBuffer jpeg) {
        TurboCodec codec = borrow();
        try {
            long size = codec.readHeader(jpeg);
            int width = (int) (size >>> 32);
            int height = (int) size;
            if ((long) width * height * 3 > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a " + width + "x" + height + " JPEG is too large to decode");
            }
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            DataBuffer pixels = image.getRaster().getDataBuffer();
            codec.decode(TurboJpegLibrary.PF_BGR, 3, width, height, ((DataBufferByte) pixels).getData());
            return image;
        } finally {
            codec.lender().giveBack(codec);
        }
    }

    @Override
    public void decode(ByteBuffer jpeg, int width, int height, DecodeTarget target, byte[] out) {
        TurboCodec codec = borrow();
        try {
            long size = codec.readHeader(jpeg);
            Images.checkSize((int) (size >>> 32), (int) size, width, height);
            int pixelFormat = switch (target) {
                case RGB -> TurboJpegLibrary.PF_RGB;
                case BGR -> TurboJpegLibrary.PF_BGR;
                case LUMA -> TurboJpegLibrary.PF_GRAY;
            };
            codec.decode(pixelFormat, target.bytesPerPixel(), width, height, out);
        } finally {
            codec.lender().giveBack(codec);
        }
        if (target == DecodeTarget.LUMA) {
            JfifRange.map(out, width * height, JfifRange.LUMA_TO_VIDEO);
        }
    }

    @Override
    public synchronized void close() {
        TurboPool old = pool;
        pool = new TurboPool(limit);
        old.close();
    }

    /** A codec from the current pool, or from its successor if {@link #close()} swapped it meanwhile. */
    private TurboCodec borrow() {
        while (true) {
            TurboCodec codec = pool.borrow();
            if (codec != null) {
                return codec;
            }
        }
    }

    /** javax.imageio's 0.0..1.0 quality as libjpeg's 1..100 (both use the IJG scale). */
    private static int level(float quality) {
        return Math.max(1, Math.min(100, Math.round(quality * 100)));
    }
}
