package io.kapture.rtsp.internal;

import java.util.OptionalDouble;

/**
 * The cameras the server may stream: in the framework the registered capture sessions; in tests what the test says.
 *
 * <p>Implementations are thread-safe.
 */
public interface Cameras {

    /** The camera's configured frame rate (0: as fast as it delivers), or empty if there is no such camera. */
    OptionalDouble configuredFps(String camera);
}
