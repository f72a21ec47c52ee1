package io.kapture.api;

/** The device is in use by another stream (this or another process); stop that one first. */
public class DeviceBusyException extends CaptureException {
    private static final long serialVersionUID = 1L;

    public DeviceBusyException(String message) {
        super(message);
    }
}
