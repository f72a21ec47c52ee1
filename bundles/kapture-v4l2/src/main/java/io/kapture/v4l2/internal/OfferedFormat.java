package io.kapture.v4l2.internal;

import java.util.List;

import io.kapture.api.PixelFormat;
import io.kapture.api.spi.FormatDescription;
import io.kapture.api.spi.FormatDescription.FrameSize;

/**
 * One pixel format as the driver enumerated it, with what negotiation needs beyond {@link FormatDescription}:
 * whether the sizes are a discrete list or the bounds of a stepwise / continuous range. Immutable.
 *
 * @param fourcc      the V4L2 code
 * @param description the driver's words
 * @param compressed  whether the driver flags it compressed
 * @param discrete    whether {@code sizes} lists every size; otherwise they are a range's smallest and largest
 * @param sizes       frame sizes with their rates, highest rate first
 */
record OfferedFormat(int fourcc, String description, boolean compressed, boolean discrete, List<FrameSize> sizes) {

    OfferedFormat {
        sizes = List.copyOf(sizes);
    }

    FormatDescription toDescription() {
        return new FormatDescription(fourcc, description, sizes);
    }

    /** The Kapture pixel format, or null for a format Kapture does not know. */
    PixelFormat pixelFormat() {
        for (PixelFormat format : PixelFormat.values()) {
            if (format.fourcc() == fourcc) {
                return format;
            }
        }
        return null;
    }

    /** {@code YUYV 640x480@30/15, 1280x720@10} or {@code NV12 16x16..1920x1080}, for messages. */
    String summary() {
        StringBuilder text = new StringBuilder(PixelFormat.fourccString(fourcc));
        for (int i = 0; i < sizes.size(); i++) {
            FrameSize size = sizes.get(i);
            text.append(i == 0 ? " " : discrete ? ", " : "..").append(size.width()).append('x').append(size.height());
            for (int r = 0; r < size.framesPerSecond().size(); r++) {
                text.append(r == 0 ? "@" : "/").append(Rates.format(size.framesPerSecond().get(r)));
            }
        }
        return text.toString();
    }
}
