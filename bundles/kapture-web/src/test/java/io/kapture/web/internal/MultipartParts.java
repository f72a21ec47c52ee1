package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts of a {@code multipart/x-mixed-replace} JPEG stream the way a browser does, checking every
 * header line on the way. Not thread-safe.
 */
final class MultipartParts {

    private final DataInputStream in;

    MultipartParts(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /** All complete parts of a recorded body. */
    static List<byte[]> all(byte[] body) throws IOException {
        MultipartParts parts = new MultipartParts(new ByteArrayInputStream(body));
        List<byte[]> images = new ArrayList<>();
        try {
            while (true) {
                images.add(parts.next());
            }
        } catch (EOFException end) {
            return images;
        }
    }

    /**
     * The next part's image.
     *
     * @throws EOFException if the stream ends before a whole part
     */
    byte[] next() throws IOException {
        assertEquals("--" + MjpegWriter.BOUNDARY, line());
        assertEquals("Content-Type: image/jpeg", line());
        String length = line();
        assertTrue(length.startsWith("Content-Length: "), length);
        assertEquals("", line());
        byte[] image = new byte[Integer.parseInt(length.substring("Content-Length: ".length()))];
        in.readFully(image);
        assertEquals("", line(), "a line break ends the image");
        return image;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the stream ended within a part");
            }
            if (c == '\r') {
                int lf = in.read();
                assertEquals('\n', lf, "CR LF ends header lines");
                return line.toString();
            }
            line.append((char) c);
        }
    }
}
