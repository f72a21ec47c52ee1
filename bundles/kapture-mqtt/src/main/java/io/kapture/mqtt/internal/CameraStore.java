package io.kapture.mqtt.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Cameras' configurations as the bridge changes them: read, replace, delete, and wait for the engine's verdict on a
 * change. The real one goes through Configuration Admin ({@link ConfigAdminStore}); tests of the fleet logic keep
 * configurations in memory.
 *
 * <p>Threading contract: implementations are safe from any thread.
 */
interface CameraStore {

    /** The camera's configuration properties (without {@code service.*} and framework keys), if it has one. */
    Optional<Map<String, Object>> read(String camera) throws IOException;

    /** Replaces the camera's configuration with {@code properties}, creating it if needed. */
    void write(String camera, Map<String, Object> properties) throws IOException;

    /** Deletes the camera's configuration, if it has one. */
    void delete(String camera) throws IOException;

    /** Cameras whose configuration carries the {@link CameraKeys#MANAGED} marker: made by desired configurations. */
    java.util.Set<String> managed() throws IOException;

    /** The camera's {@code lastError()} now, empty if it has none or no session. */
    Optional<String> lastError(String camera);

    /**
     * Waits until the engine applied {@code written} to the camera, then returns its error if it has a new one
     * (differing from {@code before}): empty means the configuration was taken.
     */
    Optional<String> verdict(String camera, Map<String, Object> written, Optional<String> before, long timeoutMillis)
            throws InterruptedException;
}
