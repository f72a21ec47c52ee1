package io.kapture.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes JPEG images as the parts of a {@code multipart/x-mixed-replace} body, the "MJPEG over HTTP" every
 * browser shows in an {@code <img>}: each part is the boundary line, its own Content-Type and Content-Length, an
 * empty line and the image, and is flushed at once so the browser shows it without waiting for the next.
 *
 * <p>Threading contract: not thread-safe; one request thread writes. A client that went away shows as an
 * {@link IOException} from {@link #write}.
 */
final class MjpegWriter {

    /** The boundary between parts: 26 bytes that JPEG data will, in practice, never contain after a line break. */
    static final String BOUNDARY = "kapture-preview-frame";

    /** The response's Content-Type. */
    static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;

    private final OutputStream out;

    MjpegWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes one image as a part and flushes it. */
    void write(byte[] jpeg) throws IOException {
        String head = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write('\r');
        out.write('\n');
        out.flush();
    }
}
