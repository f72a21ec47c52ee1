package io.kapture.v4l2.internal;

import java.nio.ByteBuffer;

/**
 * Whether an MJPEG frame is one whole JPEG: it starts with the start-of-image marker (FF D8) and its last bytes,
 * after any zero padding a driver leaves behind (some UVC cameras pad to a fixed size), are the end-of-image marker
 * (FF D9). A frame cut short (a USB packet lost, a loopback writer lapping its reader, a buffer handed out before
 * anything was written into it) fails this, and the capture path flags it as corrupted, as a driver does with
 * {@code V4L2_BUF_FLAG_ERROR}, so it is counted and listeners can skip it. Reads at most a few bytes at each end plus
 * the padding, so it costs nothing per frame next to the frame itself.
 *
 * <p>Stateless; thread-safe.
 */
final class JpegCompleteness {

    /** Trailing zero bytes looked past before giving up on finding the end marker. */
    private static final int MAX_PADDING = 4096;

    private JpegCompleteness() {
    }

    /** Whether the first {@code bytesUsed} bytes of {@code memory} (absolute positions from 0) are a whole JPEG. */
    static boolean complete(ByteBuffer memory, int bytesUsed) {
        int used = Math.min(bytesUsed, memory.capacity());
        if (used < 4 || (memory.get(0) & 0xff) != 0xFF || (memory.get(1) & 0xff) != 0xD8) {
            return false;
        }
        int end = used - 1;
        int lowest = Math.max(2, used - 1 - MAX_PADDING);
        while (end > lowest && memory.get(end) == 0) {
            end--;
        }
        return (memory.get(end) & 0xff) == 0xD9 && (memory.get(end - 1) & 0xff) == 0xFF;
    }
}
