package io.kapture.rtsp.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads what a client sends on its RTSP connection: requests (request line, headers, a body of
 * {@code Content-Length} bytes) and, between them, interleaved binary frames ({@code $}, channel, 16-bit length,
 * data: the RTCP of TCP clients), which go to a handler. Sizes are bounded so a misbehaving peer cannot
 * make the server buffer without end.
 *
 * <p>Not thread-safe: owned by the connection's reading thread.
 */
final class RtspReader {

    /** Request line and headers together at most. */
    static final int MAX_HEAD = 8 * 1024;
    /** Body bytes at most (RTSP requests to this server carry none worth more). */
    static final int MAX_BODY = 4 * 1024;

    private final InputStream in;
    private final BiConsumer<Integer, byte[]> interleaved;

    /** @param interleaved receives each interleaved frame's channel and data (the client's RTCP) */
    RtspReader(InputStream in, BiConsumer<Integer, byte[]> interleaved) {
        this.in = in;
        this.interleaved = interleaved;
    }

    /**
     * The next request, skipping interleaved frames.
     *
     * @return the request, or null at the end of the stream
     * @throws MalformedRequestException if it is not a well-formed RTSP/1.0 request within the bounds
     * @throws IOException               if reading fails
     */
    RtspRequest next() throws IOException {
        int first;
        while ((first = in.read()) == '$') {
            readInterleaved();
        }
        if (first < 0) {
            return null;
        }
        String head = readHead(first);
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("RTSP/1.")) {
            throw new MalformedRequestException("not an RTSP/1.0 request line: '" + printable(lines[0]) + "'");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequestException("malformed header line '" + printable(lines[i]) + "'");
            }
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new RtspRequest(requestLine[0].toUpperCase(Locale.ROOT), requestLine[1], headers, readBody(headers));
    }

    private void readInterleaved() throws IOException {
        int channel = in.read();
        int high = in.read();
        int low = in.read();
        if (channel < 0 || high < 0 || low < 0) {
            throw new EOFException("connection closed inside an interleaved frame");
        }
        int length = high << 8 | low;
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new EOFException("connection closed inside an interleaved frame");
        }
        interleaved.accept(channel, data);
    }

    private String readHead(int first) throws IOException {
        StringBuilder head = new StringBuilder();
        int c = first;
        while (true) {
            if (c < 0) {
                throw new EOFException("connection closed inside a request");
            }
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && (head.charAt(n - 2) == '\n'
                    || head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n')) {
                return head.toString().strip();
            }
            if (n > MAX_HEAD) {
                throw new MalformedRequestException("request head longer than " + MAX_HEAD + " bytes");
            }
            c = in.read();
        }
    }

    private byte[] readBody(Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        int size;
        try {
            size = Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            throw new MalformedRequestException("Content-Length '" + printable(length) + "' is not a number");
        }
        if (size < 0 || size > MAX_BODY) {
            throw new MalformedRequestException("Content-Length " + size + " is outside 0.." + MAX_BODY);
        }
        byte[] body = in.readNBytes(size);
        if (body.length < size) {
            throw new EOFException("connection closed inside a request body");
        }
        return body;
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new String(cut.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII)
                .replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** A request that is not RTSP, or too large: answered with 400 and the connection closed. */
    static final class MalformedRequestException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedRequestException(String message) {
            super(message);
        }
    }
}
