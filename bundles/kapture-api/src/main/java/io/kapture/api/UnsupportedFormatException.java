package io.kapture.api;

/** The device cannot deliver the format asked for; the message lists what it can. */
public class UnsupportedFormatException extends CaptureException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFormatException(String message) {
        super(message);
    }
}
