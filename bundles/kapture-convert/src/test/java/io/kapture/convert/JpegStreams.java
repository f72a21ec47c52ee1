package io.kapture.convert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

/** JPEG byte-stream surgery for the convert tests (MJPEG cameras send JPEGs without Huffman tables). Stateless. */
public final class JpegStreams {

    private JpegStreams() {
    }

    /** Removes every DHT (0xFFC4) segment before the scan. */
    public static byte[] withoutHuffmanTables(byte[] jpeg) {
        ByteArrayOutputStream stripped = new ByteArrayOutputStream();
        stripped.write(jpeg, 0, 2);
        int p = 2;
        int removed = 0;
        while (p < jpeg.length) {
            int marker = jpeg[p + 1] & 0xff;
            int length = (jpeg[p + 2] & 0xff) << 8 | (jpeg[p + 3] & 0xff);
            if (marker == 0xda) {
                stripped.write(jpeg, p, jpeg.length - p);
                break;
            }
            if (marker == 0xc4) {
                removed++;
            } else {
                stripped.write(jpeg, p, length + 2);
            }
            p += length + 2;
        }
        assertTrue(removed > 0, "the encoder wrote no Huffman tables to remove");
        return stripped.toByteArray();
    }
}
