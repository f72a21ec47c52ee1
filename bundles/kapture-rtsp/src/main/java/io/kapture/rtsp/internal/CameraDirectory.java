package io.kapture.rtsp.internal;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kapture.api.CaptureSession;

/**
 * The cameras as their capture sessions are registered. A session is matched by its name when asked, not when it
 * is bound: the engine registers a session before its configuration has been applied on its own thread.
 *
 * <p>Thread-safe: sessions come and go on SCR's threads and are kept in a copy-on-write list, which connections
 * read on theirs.
 */
final class CameraDirectory implements Cameras {

    private final List<CaptureSession> sessions = new CopyOnWriteArrayList<>();

    void add(CaptureSession session) {
        sessions.add(session);
    }

    void remove(CaptureSession session) {
        sessions.remove(session);
    }

    @Override
    public OptionalDouble configuredFps(String camera) {
        for (CaptureSession session : sessions) {
            if (camera.equals(session.camera())) {
                return OptionalDouble.of(session.configuredFps());
            }
        }
        return OptionalDouble.empty();
    }
}
