package io.kapture.processor.recorder.internal;

import java.nio.ByteBuffer;

/**
 * One frame as it is stored: compressed bytes in the container's codec (today a JPEG image for MJPEG AVI; an H.264
 * access unit once an encoder delivers them) with the capture times the writer and the pre-roll ring need. The
 * ring and the writers hold these, never a camera's {@code Frame}, so a frame's driver or pool buffer goes back as
 * soon as it is encoded, and another codec plugs in without touching either.
 *
 * <p>Immutable once made: {@link #data()} is a read-only view of bytes nobody else writes; safe from any thread.
 *
 * @param data            the encoded bytes, position 0 to limit
 * @param timestampNanos  monotonic capture time
 * @param wallClockMillis wall-clock capture time, for file names
 * @param sequence        the driver's frame sequence number
 * @param width           frame width in pixels
 * @param height          frame height in pixels
 * @param keyFrame        whether a decoder can start here (every JPEG can; for inter-frame codecs a clip must
 *                        start at one)
 */
record EncodedFrame(ByteBuffer data, long timestampNanos, long wallClockMillis, long sequence, int width, int height,
        boolean keyFrame) {

    /** A JPEG image, every one a key frame. */
    static EncodedFrame jpeg(byte[] jpeg, long timestampNanos, long wallClockMillis, long sequence, int width,
            int height) {
        return new EncodedFrame(ByteBuffer.wrap(jpeg).asReadOnlyBuffer(), timestampNanos, wallClockMillis, sequence,
                width, height, true);
    }

    /** Bytes the frame's data occupies, what the pre-roll ring counts against its limit. */
    int size() {
        return data.limit();
    }
}
