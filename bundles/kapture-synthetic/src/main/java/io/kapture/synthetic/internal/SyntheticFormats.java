package io.kapture.synthetic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.UnsupportedFormatException;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;

/**
 * The formats the synthetic camera offers and how a request is fitted to them: any size from 16x16 to
 * 3840x2160 (even widths for YUYV and the planar formats, even heights for the planar ones, as their chroma
 * subsampling and the painter need) at 0 to 1000 frames per second, in eight pixel formats.
 *
 * <p>Stateless; safe from any thread.
 */
final class SyntheticFormats {
    static final List<PixelFormat> PIXEL_FORMATS =
            List.of(PixelFormat.YUYV, PixelFormat.NV12, PixelFormat.NV21, PixelFormat.YV12, PixelFormat.NV16,
                    PixelFormat.RGB24, PixelFormat.GREY, PixelFormat.MJPEG);
    static final int MIN_WIDTH = 16;
    static final int MAX_WIDTH = 3840;
    static final int MIN_HEIGHT = 16;
    static final int MAX_HEIGHT = 2160;
    static final double MAX_FPS = 1000;

    /** Room for the JPEG headers on top of the two bytes per pixel Kapture's MJPEG buffers have. */
    private static final int JPEG_HEADROOM = 16 * 1024;

    private static final int[][] SIZES = {
        {160, 120}, {320, 240}, {640, 480}, {800, 600}, {1280, 720}, {1920, 1080}, {2560, 1440}, {3840, 2160},
    };
    private static final List<Double> RATES = List.of(1000.0, 240.0, 120.0, 60.0, 30.0, 15.0, 5.0, 1.0);

    private SyntheticFormats() {
    }

    static List<FormatDescription> formats() {
        List<FormatDescription.FrameSize> sizes = new ArrayList<>();
        for (int[] size : SIZES) {
            sizes.add(new FormatDescription.FrameSize(size[0], size[1], RATES));
        }
        return PIXEL_FORMATS.stream()
                .map(format -> new FormatDescription(format.fourcc(), describe(format), sizes))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Fits a request to what the camera offers.
     *
     * @throws UnsupportedFormatException for a pixel format it does not offer, listing those it does
     */
    static Negotiation negotiate(String device, FormatRequest request) {
        PixelFormat pixelFormat = request.pixelFormat();
        if (pixelFormat == null || !PIXEL_FORMATS.contains(pixelFormat)) {
            throw new UnsupportedFormatException("synthetic device '" + device + "' does not offer pixel format "
                    + pixelFormat + "; it offers " + PIXEL_FORMATS.stream().map(Enum::name)
                            .collect(Collectors.joining(", ")));
        }
        List<String> adjustments = new ArrayList<>();
        boolean planar = pixelFormat.isPlanar();
        boolean evenWidth = pixelFormat == PixelFormat.YUYV || planar;
        boolean evenHeight = planar;
        int width = dimension("width", request.width(), MIN_WIDTH, MAX_WIDTH, evenWidth, pixelFormat, adjustments);
        int height = dimension("height", request.height(), MIN_HEIGHT, MAX_HEIGHT, evenHeight, pixelFormat,
                adjustments);
        double fps = request.framesPerSecond();
        if (Double.isNaN(fps) || fps < 0) {
            adjustments.add(fps + " fps is not a frame rate; streaming unthrottled (0 fps)");
            fps = 0;
        } else if (fps > MAX_FPS) {
            adjustments.add(fps + " fps is above the synthetic camera's maximum; using " + MAX_FPS + " fps");
            fps = MAX_FPS;
        }
        return new Negotiation(frameFormat(width, height, pixelFormat), fps, adjustments);
    }

    /** The format the camera delivers at this (already fitted) size. */
    static FrameFormat frameFormat(int width, int height, PixelFormat pixelFormat) {
        if (pixelFormat.isCompressed()) {
            return new FrameFormat(width, height, pixelFormat, 0, pixelFormat.minImageSize(width, height)
                    + JPEG_HEADROOM);
        }
        return FrameFormat.of(width, height, pixelFormat);
    }

    private static int dimension(String what, int requested, int minimum, int maximum, boolean even,
            PixelFormat pixelFormat, List<String> adjustments) {
        int value = requested;
        if (value < minimum) {
            adjustments.add(what + " " + requested + " is below the synthetic camera's minimum; using " + minimum);
            value = minimum;
        } else if (value > maximum) {
            adjustments.add(what + " " + requested + " is above the synthetic camera's maximum; using " + maximum);
            value = maximum;
        }
        if (even && (value & 1) != 0) {
            adjustments.add(what + " " + value + " rounded up to " + (value + 1) + ": " + pixelFormat + " needs an even "
                    + what);
            value++;
        }
        return value;
    }

    private static String describe(PixelFormat format) {
        return switch (format) {
            case YUYV -> "YUYV 4:2:2 (synthetic)";
            case NV12 -> "Y/CbCr 4:2:0 (synthetic)";
            case NV21 -> "Y/CrCb 4:2:0 (synthetic)";
            case YV12 -> "Planar YVU 4:2:0 (synthetic)";
            case NV16 -> "Y/CbCr 4:2:2 (synthetic)";
            case RGB24 -> "24-bit RGB 8-8-8 (synthetic)";
            case GREY -> "8-bit Greyscale (synthetic)";
            default -> "Motion-JPEG (synthetic)";
        };
    }
}
