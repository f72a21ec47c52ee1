package io.kapture.engine.internal.config;

/**
 * A camera configuration was rejected. The message starts with the camera's name and lists every problem, each
 * naming its key, the value found and what is allowed.
 */
public final class InvalidSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidSettingsException(String message) {
        super(message);
    }
}
