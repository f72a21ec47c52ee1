package io.kapture.api;

/** The device went away (unplugged, driver unbound) or does not exist. */
public class DeviceLostException extends CaptureException {
    private static final long serialVersionUID = 1L;

    public DeviceLostException(String message) {
        super(message);
    }

    public DeviceLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
