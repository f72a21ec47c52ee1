package io.kapture.rtsp.internal;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import io.kapture.api.CaptureSession;

/**
 * The cameras as their capture sessions are registered: name to session.
 *
 * <p>Thread-safe (a concurrent map): sessions come and go on SCR's threads, connections read on theirs.
 */
final class CameraDirectory implements Cameras {

    private final Map<String, CaptureSession> sessions = new ConcurrentHashMap<>();

    void add(CaptureSession session) {
        sessions.put(session.camera(), session);
    }

    void remove(CaptureSession session) {
        sessions.remove(session.camera(), session);
    }

    @Override
    public OptionalDouble configuredFps(String camera) {
        CaptureSession session = sessions.get(camera);
        return session == null ? OptionalDouble.empty() : OptionalDouble.of(session.configuredFps());
    }
}
