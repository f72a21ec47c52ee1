package io.kapture.rtsp.internal;

/** A camera that cannot be streamed now (no such camera, no encoder, no frames): answered with 404 or 503. */
final class StreamUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    StreamUnavailableException(String message) {
        super(message);
    }
}
