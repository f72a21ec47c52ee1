package io.kapture.rtsp.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One RTSP response: status, headers in the order added, an optional body, and whether the connection ends after it.
 *
 * <p>Built and written by one connection thread; not thread-safe.
 */
final class RtspResponse {

    private final int status;
    private final String reason;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private boolean closeAfter;
    private Runnable afterWrite;

    private RtspResponse(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    static RtspResponse ok() {
        return new RtspResponse(200, "OK");
    }

    /** An error response whose reason phrase is the status's, with the explanation in a text body. */
    static RtspResponse error(int status, String explanation) {
        RtspResponse response = new RtspResponse(status, reasonOf(status));
        if (explanation != null) {
            response.body("text/plain; charset=utf-8", explanation + "\r\n");
        }
        return response;
    }

    RtspResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    RtspResponse body(String contentType, String text) {
        headers.put("Content-Type", contentType);
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    RtspResponse closeConnection() {
        closeAfter = true;
        return this;
    }

    /** Something to do once the response has been written (start a client's RTP, which must not precede it). */
    RtspResponse afterWrite(Runnable action) {
        afterWrite = action;
        return this;
    }

    /** Runs what {@link #afterWrite} asked for, if anything; called by the connection after writing. */
    void written() {
        if (afterWrite != null) {
            afterWrite.run();
        }
    }

    int status() {
        return status;
    }

    boolean closeAfter() {
        return closeAfter;
    }

    /** The response as bytes, answering the request with this {@code CSeq}. */
    byte[] encode(String cseq) {
        StringBuilder head = new StringBuilder("RTSP/1.0 ").append(status).append(' ').append(reason).append("\r\n");
        head.append("CSeq: ").append(cseq).append("\r\n");
        head.append("Server: Kapture\r\n");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (closeAfter) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 454 -> "Session Not Found";
            case 455 -> "Method Not Valid in This State";
            case 459 -> "Aggregate Operation Not Allowed";
            case 461 -> "Unsupported Transport";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
