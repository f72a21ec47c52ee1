package io.kapture.v4l2.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.UnsupportedFormatException;
import io.kapture.api.spi.FormatDescription.FrameSize;
import io.kapture.api.spi.FormatRequest;
import io.kapture.api.spi.Negotiation;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2StreamParm;

/**
 * Picks the offered format closest to a request and sets it ({@code VIDIOC_S_FMT}, then {@code S_PARM} for the
 * rate), reporting in words every way the result differs from the request. Closest means: the requested pixel
 * format if offered, else the first offered one Kapture knows of the same kind (compressed or not); among a
 * discrete size list the size nearest in width plus height (a stepwise range is left to the driver, which rounds
 * the request into it); the offered rate nearest to the request, or the highest for 0. It refuses, listing what
 * the device offers, when no format of the same kind is known to Kapture, and when the driver sets a
 * multi-planar format of more than one plane (only single-plane formats are supported on multi-planar devices).
 *
 * <p>One thread at a time (the session's life-cycle thread).
 */
final class Negotiator {

    private final V4l2Device device;
    private final int bufferType;

    Negotiator(V4l2Device device, int bufferType) {
        this.device = device;
        this.bufferType = bufferType;
    }

    Negotiation negotiate(FormatRequest request, List<OfferedFormat> offered) {
        List<String> adjustments = new ArrayList<>();
        OfferedFormat format = pickFormat(request.pixelFormat(), offered, adjustments);
        int[] size = pickSize(request, format, adjustments);
        FrameFormat set = setFormat(format, size[0], size[1], offered, adjustments);
        double fps = setRate(request.framesPerSecond(), rates(format, set), adjustments);
        return new Negotiation(set, fps, adjustments);
    }

    private OfferedFormat pickFormat(PixelFormat wanted, List<OfferedFormat> offered, List<String> adjustments) {
        for (OfferedFormat format : offered) {
            if (format.fourcc() == wanted.fourcc()) {
                return format;
            }
        }
        for (PixelFormat candidate : PixelFormat.values()) {
            for (OfferedFormat format : offered) {
                if (format.fourcc() == candidate.fourcc() && candidate.isCompressed() == wanted.isCompressed()) {
                    adjustments.add("pixel format " + wanted + " is not offered; using " + candidate
                            + ", the closest " + (wanted.isCompressed() ? "compressed" : "uncompressed")
                            + " format the device has");
                    return format;
                }
            }
        }
        throw refusal("offers no " + (wanted.isCompressed() ? "compressed" : "uncompressed")
                + " format Kapture can use in place of " + wanted, offered);
    }

    private static int[] pickSize(FormatRequest request, OfferedFormat format, List<String> adjustments) {
        if (!format.discrete() || format.sizes().isEmpty()) {
            return new int[] {request.width(), request.height()};
        }
        FrameSize best = format.sizes().stream().min(Comparator.comparingInt(
                s -> Math.abs(s.width() - request.width()) + Math.abs(s.height() - request.height()))).orElseThrow();
        if (best.width() != request.width() || best.height() != request.height()) {
            adjustments.add("size " + request.width() + "x" + request.height() + " is not offered for "
                    + format.summary().split(" ")[0] + "; using " + best.width() + "x" + best.height()
                    + ", the closest of " + sizes(format));
        }
        return new int[] {best.width(), best.height()};
    }

    private FrameFormat setFormat(OfferedFormat format, int width, int height, List<OfferedFormat> offered,
            List<String> adjustments) {
        V4l2Format fmt = new V4l2Format();
        fmt.type(bufferType);
        fmt.width(width);
        fmt.height(height);
        fmt.pixelFormat(format.fourcc());
        fmt.field(V4l2.FIELD_ANY);
        if (fmt.isMultiPlanar()) {
            fmt.numPlanes(1);
        }
        device.ioctl(V4l2.VIDIOC_S_FMT, fmt);
        PixelFormat got = known(fmt.pixelFormat());
        if (got == null) {
            throw refusal("set pixel format " + PixelFormat.fourccString(fmt.pixelFormat())
                    + " when asked for " + PixelFormat.fourccString(format.fourcc()), offered);
        }
        if (fmt.numPlanes() != 1) {
            throw refusal("needs " + fmt.numPlanes() + " planes for " + got + " and Kapture supports single-plane"
                    + " formats only; ask for a packed or single-plane format (YUYV, NV12, MJPEG, ...)", offered);
        }
        if (fmt.width() != width || fmt.height() != height) {
            adjustments.add("the driver adjusted " + width + "x" + height + " to " + fmt.width() + "x" + fmt.height());
        }
        if (got.fourcc() != format.fourcc()) {
            adjustments.add("the driver set " + got + " instead of " + PixelFormat.fourccString(format.fourcc()));
        }
        int imageSize = Math.max(fmt.sizeImage(), 1);
        int bytesPerLine = got.isCompressed() ? 0 : fmt.bytesPerLine();
        return new FrameFormat(fmt.width(), fmt.height(), got, bytesPerLine, imageSize);
    }

    private double setRate(double wanted, List<Double> offered, List<String> adjustments) {
        V4l2StreamParm parm = new V4l2StreamParm();
        parm.type(bufferType);
        if (device.tryIoctl(V4l2.VIDIOC_G_PARM, parm) < 0 || (parm.capability() & V4l2.CAP_TIMEPERFRAME) == 0) {
            double current = parm.framesPerSecond();
            if (wanted > 0 && Math.abs(current - wanted) > 0.01) {
                adjustments.add("the device cannot set its frame rate; it runs at "
                        + (current > 0 ? Rates.format(current) + " fps" : "its own pace"));
            }
            return current;
        }
        double target = offered.isEmpty() ? wanted
                : wanted <= 0 ? offered.get(0)
                : offered.stream().min(Comparator.comparingDouble(r -> Math.abs(r - wanted))).orElseThrow();
        if (target > 0) {
            int[] interval = Rates.interval(target);
            parm.timePerFrame(interval[0], interval[1]);
            device.ioctl(V4l2.VIDIOC_S_PARM, parm);
        }
        double got = parm.framesPerSecond();
        if (wanted > 0 && Math.abs(got - wanted) > 0.01) {
            adjustments.add(Rates.format(wanted) + " fps is not offered at this size; using " + Rates.format(got)
                    + " fps" + (offered.isEmpty() ? "" : ", the closest of " + offered.stream().map(Rates::format).toList()));
        }
        return got;
    }

    private static List<Double> rates(OfferedFormat format, FrameFormat set) {
        for (FrameSize size : format.sizes()) {
            if (size.width() == set.width() && size.height() == set.height()) {
                return size.framesPerSecond();
            }
        }
        return format.sizes().isEmpty() ? List.of() : format.sizes().get(0).framesPerSecond();
    }

    private UnsupportedFormatException refusal(String why, List<OfferedFormat> offered) {
        StringBuilder list = new StringBuilder();
        for (OfferedFormat format : offered) {
            list.append(list.length() == 0 ? "" : "; ").append(format.summary());
        }
        return new UnsupportedFormatException(device.path() + " " + why + ". It offers: "
                + (list.length() == 0 ? "nothing" : list) + ". Set the camera's pixel.format, width, height and fps"
                + " to one of these (Kapture knows " + List.of(PixelFormat.values()) + ")");
    }

    private static String sizes(OfferedFormat format) {
        return format.sizes().stream().map(s -> s.width() + "x" + s.height()).distinct().toList().toString();
    }

    private static PixelFormat known(int fourcc) {
        for (PixelFormat format : PixelFormat.values()) {
            if (format.fourcc() == fourcc) {
                return format;
            }
        }
        return null;
    }
}
