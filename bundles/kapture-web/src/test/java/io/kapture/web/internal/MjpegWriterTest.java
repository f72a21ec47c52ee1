package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The exact bytes of a multipart/x-mixed-replace part, and that a reader gets the images back. */
class MjpegWriterTest {

    @Test
    void writesBoundaryHeadersImageAndLineBreak() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new MjpegWriter(out).write(new byte[] { (byte) 0xFF, (byte) 0xD8, 1, (byte) 0xFF, (byte) 0xD9 });

        byte[] expected = ("--kapture-preview-frame\r\nContent-Type: image/jpeg\r\nContent-Length: 5\r\n\r\n"
                + "\u00ff\u00d8\u0001\u00ff\u00d9\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(expected, out.toByteArray());
        assertEquals("multipart/x-mixed-replace; boundary=kapture-preview-frame", MjpegWriter.CONTENT_TYPE);
    }

    @Test
    void partsReadBackInOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MjpegWriter writer = new MjpegWriter(out);
        writer.write(new byte[] { 1, 2, 3 });
        writer.write(new byte[] { '\r', '\n', '-', '-' });

        List<byte[]> parts = MultipartParts.all(out.toByteArray());

        assertEquals(2, parts.size());
        assertArrayEquals(new byte[] { '\r', '\n', '-', '-' }, parts.get(1));
    }
}
