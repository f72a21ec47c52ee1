package io.kapture.benchmarks;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.kapture.api.FrameFormat;
import io.kapture.convert.internal.RawLayout;
import io.kapture.convert.internal.jpeg.DecodeTarget;
import io.kapture.convert.internal.jpeg.ImageIoJpeg;
import io.kapture.convert.internal.jpeg.JpegCodec;
import io.kapture.convert.internal.jpeg.TurboJpeg;

/**
 * kapture-convert's two JPEG engines on the same work: a YUYV frame in a direct buffer (as drivers and the pool hand
 * it over) encoded to JPEG at quality 0.8, and that JPEG (an MJPEG frame) decoded into a reused RGB array, as
 * {@code ImageEncoding.jpegOf} and {@code PixelConversion.toRgb} do. The frame is camera-like rather than flat: a
 * gradient with soft stripes, coloured regions and sensor-like noise, so the JPEG is about as large as a webcam's.
 * Each engine is used directly (the public API picks one per JVM); libjpeg-turbo with one codec, as one caller has.
 *
 * <p>JMH owns the threading: one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JpegBenchmark {

    static final String TURBO = "libjpeg-turbo";
    static final String IMAGEIO = "javax.imageio";
    static final float QUALITY = 0.8f;

    @Param({TURBO, IMAGEIO})
    public String engine;

    @Param({FrameSizes.VGA, FrameSizes.FULL_HD})
    public String size;

    private JpegCodec codec;
    private FrameFormat format;
    private ByteBuffer frame;
    private RawLayout layout;
    private ByteBuffer jpeg;
    private byte[] rgb;
    private byte[] luma;
    private int[] rgbLine;

    @Setup(Level.Trial)
    public void setUp() {
        format = FrameSizes.yuyv(size);
        codec = engine.equals(TURBO) ? TurboJpeg.open(1) : new ImageIoJpeg();
        frame = ByteBuffer.allocateDirect(format.imageSize());
        paintCameraLike(frame, format);
        layout = RawLayout.of(frame, format);
        byte[] compressed = new ImageIoJpeg().encode(frame, layout, QUALITY);
        jpeg = ByteBuffer.allocateDirect(compressed.length).put(compressed).flip();
        rgb = new byte[format.width() * format.height() * 3];
        luma = new byte[format.width() * format.height()];
        rgbLine = new int[format.width()];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        codec.close();
    }

    @Benchmark
    public byte[] encodeYuyv() {
        return codec.encode(frame, layout, QUALITY);
    }

    @Benchmark
    public byte[] decodeMjpegToRgb() {
        codec.decode(jpeg, format.width(), format.height(), DecodeTarget.RGB, rgb);
        return rgb;
    }

    /** An MJPEG frame's luma into a reused array, as the motion detector reads every frame now. */
    @Benchmark
    public byte[] decodeMjpegToLuma() {
        codec.decode(jpeg, format.width(), format.height(), DecodeTarget.LUMA, luma);
        return luma;
    }

    /**
     * The motion detector's former MJPEG path, for comparison: the frame decoded to an image, then its luma taken
     * line by line through {@code getRGB}.
     */
    @Benchmark
    public byte[] decodeMjpegToImageThenLuma() {
        BufferedImage image = codec.decode(jpeg);
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, rgbLine, 0, width);
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int pixel = rgbLine[x];
                luma[o + x] = (byte) ((77 * (pixel >> 16 & 0xff) + 150 * (pixel >> 8 & 0xff) + 29 * (pixel & 0xff))
                        >> 8);
            }
        }
        return luma;
    }

    /** Video-range YUYV: a diagonal gradient with soft stripes, four coloured regions and +-6 levels of noise. */
    static void paintCameraLike(ByteBuffer frame, FrameFormat format) {
        Random noise = new Random(42);
        int width = format.width();
        int height = format.height();
        for (int y = 0; y < height; y++) {
            int line = y * format.bytesPerLine();
            for (int x = 0; x < width; x += 2) {
                double base = 40 + 150.0 * (x + y) / (width + height) + 18 * Math.sin(y / 23.0 + x / 41.0);
                int cb = 128 + (x < width / 2 ? -30 : 25) + (int) (10 * Math.sin(x / 97.0));
                int cr = 128 + (y < height / 2 ? 35 : -20) + (int) (10 * Math.cos(y / 71.0));
                frame.put(line + x * 2, video(base + noise.nextInt(13) - 6, 235));
                frame.put(line + x * 2 + 1, video(cb, 240));
                frame.put(line + x * 2 + 2, video(base + noise.nextInt(13) - 6, 235));
                frame.put(line + x * 2 + 3, video(cr, 240));
            }
        }
    }

    private static byte video(double value, int max) {
        return (byte) Math.max(16, Math.min(max, Math.round(value)));
    }
}
