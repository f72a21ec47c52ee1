package io.kapture.v4l2.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.kapture.api.spi.FormatDescription.FrameSize;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.V4l2Errors;
import io.kapture.v4l2.structs.V4l2FmtDesc;
import io.kapture.v4l2.structs.V4l2FrmIvalEnum;
import io.kapture.v4l2.structs.V4l2FrmSizeEnum;

/**
 * Lists what a device offers with {@code VIDIOC_ENUM_FMT}, {@code ENUM_FRAMESIZES} and
 * {@code ENUM_FRAMEINTERVALS}. Each enumeration ends where the driver answers {@code EINVAL}; a driver without
 * size or interval enumeration ({@code ENOTTY}) just lists none. Stateless apart from its scratch structs:
 * one thread at a time.
 */
final class FormatCatalog {

    private final V4l2Device device;
    private final int bufferType;
    private final V4l2FmtDesc fmtdesc = new V4l2FmtDesc();
    private final V4l2FrmSizeEnum frmsize = new V4l2FrmSizeEnum();
    private final V4l2FrmIvalEnum frmival = new V4l2FrmIvalEnum();

    FormatCatalog(V4l2Device device, int bufferType) {
        this.device = device;
        this.bufferType = bufferType;
    }

    List<OfferedFormat> formats() {
        List<OfferedFormat> formats = new ArrayList<>();
        for (int index = 0;; index++) {
            fmtdesc.clear();
            fmtdesc.index(index);
            fmtdesc.type(bufferType);
            if (!answered(device.tryIoctl(V4l2.VIDIOC_ENUM_FMT, fmtdesc), "VIDIOC_ENUM_FMT")) {
                return formats;
            }
            int fourcc = fmtdesc.pixelFormat();
            boolean compressed = (fmtdesc.flags() & V4l2.FMT_FLAG_COMPRESSED) != 0;
            String description = fmtdesc.description();
            formats.add(sizes(fourcc, description, compressed));
        }
    }

    private OfferedFormat sizes(int fourcc, String description, boolean compressed) {
        List<FrameSize> sizes = new ArrayList<>();
        boolean discrete = true;
        for (int index = 0;; index++) {
            frmsize.clear();
            frmsize.index(index);
            frmsize.pixelFormat(fourcc);
            if (!answered(device.tryIoctl(V4l2.VIDIOC_ENUM_FRAMESIZES, frmsize), "VIDIOC_ENUM_FRAMESIZES")) {
                break;
            }
            if (frmsize.type() == V4l2.FRMSIZE_TYPE_DISCRETE) {
                sizes.add(size(fourcc, frmsize.width(), frmsize.height()));
            } else {
                discrete = false;
                int minWidth = frmsize.minWidth();
                int minHeight = frmsize.minHeight();
                int maxWidth = frmsize.maxWidth();
                int maxHeight = frmsize.maxHeight();
                sizes.add(size(fourcc, minWidth, minHeight));
                sizes.add(size(fourcc, maxWidth, maxHeight));
                break;
            }
        }
        return new OfferedFormat(fourcc, description, compressed, discrete, sizes);
    }

    private FrameSize size(int fourcc, int width, int height) {
        List<Double> rates = new ArrayList<>();
        for (int index = 0;; index++) {
            frmival.clear();
            frmival.index(index);
            frmival.pixelFormat(fourcc);
            frmival.width(width);
            frmival.height(height);
            if (!answered(device.tryIoctl(V4l2.VIDIOC_ENUM_FRAMEINTERVALS, frmival), "VIDIOC_ENUM_FRAMEINTERVALS")) {
                break;
            }
            rates.add(Rates.fps(frmival.numerator(), frmival.denominator()));
            if (frmival.type() != V4l2.FRMIVAL_TYPE_DISCRETE) {
                rates.add(Rates.fps(frmival.maxNumerator(), frmival.maxDenominator()));
                break;
            }
        }
        rates.removeIf(rate -> rate <= 0);
        rates.sort(Comparator.reverseOrder());
        return new FrameSize(width, height, rates.stream().distinct().toList());
    }

    /** True if the driver filled the struct; false at the end of the list; throws for real failures. */
    private boolean answered(int result, String ioctl) {
        if (result >= 0) {
            return true;
        }
        if (result == -Errno.EINVAL || result == -Errno.ENOTTY) {
            return false;
        }
        throw V4l2Errors.of(device.path(), ioctl, -result);
    }
}
