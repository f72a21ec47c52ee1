package io.kapture.itests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.0 client for the browser preview, on a plain socket: HTTP/1.0 makes the server send
 * bodies as they are (no chunking) and close the connection at the end, so a stream's parts can be read straight
 * off the socket, the Host header can be anything (the preview's DNS-rebinding defence looks at it), and closing
 * the socket is exactly a browser going away.
 *
 * <p>Threading contract: a {@link Response} is made and read by one thread; an open {@link Response} owns its
 * socket until {@link Response#close()}.
 */
final class PreviewHttp {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_HEAD = 16 * 1024;

    private PreviewHttp() {
    }

    /** GETs {@code path} from 127.0.0.1:{@code port} with {@code Host: 127.0.0.1:<port>} and reads the whole body. */
    static Response get(int port, String path) throws IOException {
        return get(port, path, "127.0.0.1:" + port);
    }

    /** GETs {@code path} with the given Host header and reads the whole body. */
    static Response get(int port, String path, String host) throws IOException {
        try (Response response = open(port, path, host)) {
            response.readBody();
            return response;
        }
    }

    /**
     * Sends a GET and reads the status line and headers only; the body stays on the socket for
     * {@link Response#nextPart()} until the response is closed.
     */
    static Response open(int port, String path, String host) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nAccept: */*\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Response response = new Response(socket, new BufferedInputStream(socket.getInputStream()));
            response.readHead();
            return response;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** One response: status, headers (names in lower case) and, once read, the body. */
    static final class Response implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int status;
        private byte[] body = new byte[0];

        private Response(Socket socket, InputStream in) {
            this.socket = socket;
            this.in = in;
        }

        int status() {
            return status;
        }

        /** A header's value, or "" if the response has none. */
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * Reads the next part of a {@code multipart/x-mixed-replace} body: its headers, then exactly
         * Content-Length bytes, which it returns.
         *
         * @throws IOException if the stream ended or a part carries no Content-Length
         */
        byte[] nextPart() throws IOException {
            String line = readLine();
            while (line.isEmpty()) {
                line = readLine();
            }
            if (!line.startsWith("--")) {
                throw new IOException("expected a multipart boundary line, read '" + line + "'");
            }
            int length = -1;
            for (line = readLine(); !line.isEmpty(); line = readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            if (length < 0) {
                throw new IOException("a part of the stream has no Content-Length");
            }
            return in.readNBytes(length);
        }

        /** Closes the socket: to the server, the client went away. */
        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + "\n" + text();
        }

        private void readHead() throws IOException {
            String statusLine = readLine();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: '" + statusLine + "'");
            }
            status = Integer.parseInt(parts[1]);
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
            }
        }

        private void readBody() throws IOException {
            body = in.readAllBytes();
        }

        /** One line in ISO-8859-1 without its CR LF; throws at the end of the stream. */
        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the server closed the connection after '"
                            + line.toString(StandardCharsets.ISO_8859_1) + "'");
                }
                if (line.size() > MAX_HEAD) {
                    throw new IOException("a header line longer than " + MAX_HEAD + " bytes: "
                            + Arrays.toString(Arrays.copyOf(line.toByteArray(), 64)));
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
