package io.kapture.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.kapture.api.CaptureSession;

/**
 * The cameras the preview knows: the {@link CaptureSession} services SCR binds to the servlet as cameras are
 * configured and removed.
 *
 * <p>Threading contract: add and remove may run on any thread, concurrently with readers; the sessions are kept
 * in a copy-on-write list, so every read works on a consistent snapshot without locking.
 */
final class CameraDirectory {

    private final List<CaptureSession> sessions = new CopyOnWriteArrayList<>();

    void add(CaptureSession session) {
        sessions.add(session);
    }

    void remove(CaptureSession session) {
        sessions.remove(session);
    }

    /** The cameras, ordered by name. */
    List<CaptureSession> cameras() {
        return sessions.stream().sorted(Comparator.comparing(CaptureSession::camera)).toList();
    }

    /** The camera of this name, if configured. */
    Optional<CaptureSession> find(String name) {
        return sessions.stream().filter(session -> session.camera().equals(name)).findFirst();
    }
}
