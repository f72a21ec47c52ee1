package io.kapture.api;

/**
 * A capture operation failed. The message names the device, what was attempted and, where one is known, what
 * to do about it. Subclasses tell the causes a caller may want to act on apart.
 */
public class CaptureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
