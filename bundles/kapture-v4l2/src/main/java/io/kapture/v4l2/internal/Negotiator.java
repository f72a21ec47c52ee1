package io.kapture.v4l2.internal;

import java.util.ArrayList;
import java.util.Arrays;
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
 * format of several planes that Kapture cannot pack.
 *
 * <p>Multi-plane formats: a requested format that is not offered as such but as its multi-plane twin
 * ({@link PlanarTwin}: NV12 as NV12M, YU12 as YUV420M, NV21, YV12 and NV16 likewise) is set as the twin,
 * reported as an adjustment (frames are packed into one buffer, a copy per frame, see {@link PlanePacker}), and
 * described in the negotiated {@link FrameFormat} as the packed format: its bytes per line and image size are the
 * packed buffer's. Where a device offers both, the single-plane format wins, as it needs no copy.
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
        OfferedFormat same = find(wanted, offered, adjustments);
        if (same != null) {
            return same;
        }
        for (PixelFormat candidate : PixelFormat.values()) {
            if (candidate.isCompressed() != wanted.isCompressed()) {
                continue;
            }
            int at = adjustments.size();
            OfferedFormat format = find(candidate, offered, adjustments);
            if (format != null) {
                adjustments.add(at, "pixel format " + wanted + " is not offered; using " + candidate
                        + ", the closest " + (wanted.isCompressed() ? "compressed" : "uncompressed")
                        + " format the device has");
                return format;
            }
        }
        throw refusal("offers no " + (wanted.isCompressed() ? "compressed" : "uncompressed")
                + " format Kapture can use in place of " + wanted, offered);
    }

    /** The offer of {@code format} itself, else of its multi-plane twin (saying so), else null. */
    private static OfferedFormat find(PixelFormat format, List<OfferedFormat> offered, List<String> adjustments) {
        for (OfferedFormat offer : offered) {
            if (offer.fourcc() == format.fourcc()) {
                return offer;
            }
        }
        PlanarTwin twin = PlanarTwin.of(format);
        for (OfferedFormat offer : offered) {
            if (twin != null && offer.fourcc() == twin.fourcc()) {
                adjustments.add(format + " is offered as " + twin.describe() + "; frames are packed into one buffer,"
                        + " one copy per frame");
                return offer;
            }
        }
        return null;
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
            PlanarTwin asked = PlanarTwin.ofFourcc(format.fourcc());
            fmt.numPlanes(asked == null ? 1 : asked.planes());
        }
        device.ioctl(V4l2.VIDIOC_S_FMT, fmt);
        PlanarTwin twin = PlanarTwin.ofFourcc(fmt.pixelFormat());
        PixelFormat got = twin != null ? twin.packed() : known(fmt.pixelFormat());
        if (got == null) {
            throw refusal("set pixel format " + PixelFormat.fourccString(fmt.pixelFormat())
                    + " when asked for " + PixelFormat.fourccString(format.fourcc()), offered);
        }
        PlanePacker packer;
        try {
            packer = PlanePacker.of(fmt);
        } catch (IllegalArgumentException e) {
            throw refusal("set a format Kapture cannot capture: " + e.getMessage() + "; ask for a single-plane"
                    + " format (YUYV, NV12, MJPEG, ...) or one of " + Arrays.toString(PlanarTwin.values()), offered);
        }
        if (twin != null && packer == null) {
            throw refusal("reports " + fmt.numPlanes() + " plane for " + PixelFormat.fourccString(twin.fourcc())
                    + ", which has " + twin.planes(), offered);
        }
        if (fmt.width() != width || fmt.height() != height) {
            adjustments.add("the driver adjusted " + width + "x" + height + " to " + fmt.width() + "x" + fmt.height());
        }
        if (fmt.pixelFormat() != format.fourcc()) {
            adjustments.add("the driver set " + (twin != null ? PixelFormat.fourccString(fmt.pixelFormat()) : got)
                    + " instead of " + PixelFormat.fourccString(format.fourcc()));
        }
        if (packer != null) {
            return new FrameFormat(fmt.width(), fmt.height(), got, packer.bytesPerLine(), packer.packedSize());
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
