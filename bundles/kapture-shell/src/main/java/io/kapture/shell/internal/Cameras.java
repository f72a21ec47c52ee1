package io.kapture.shell.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.CaptureSession;

/**
 * Finds configured cameras by name among the {@link CaptureSession} services a command looked up, and words the
 * error a user sees for a name that matches none.
 *
 * <p>Threading contract: immutable snapshot of the list it was made with; safe from any thread. The sessions
 * themselves are thread-safe by their contract.
 */
public final class Cameras {

    private final List<CaptureSession> sessions;

    public Cameras(List<CaptureSession> sessions) {
        this.sessions = sessions.stream().sorted(Comparator.comparing(CaptureSession::camera)).toList();
    }

    /** Every camera, sorted by name. */
    public List<CaptureSession> all() {
        return sessions;
    }

    /** The camera of that name, if configured. */
    public Optional<CaptureSession> find(String name) {
        return sessions.stream().filter(session -> session.camera().equals(name)).findFirst();
    }

    /**
     * The camera of that name.
     *
     * @throws IllegalArgumentException naming the configured cameras, if there is none of that name
     */
    public CaptureSession get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No camera '" + name + "'. " + listing()));
    }

    /** Camera names, sorted. */
    public List<String> names() {
        return sessions.stream().map(CaptureSession::camera).toList();
    }

    private String listing() {
        if (sessions.isEmpty()) {
            return "No cameras are configured (factory PID " + CameraConfiguration.FACTORY_PID + ").";
        }
        return "Cameras: " + names().stream().collect(Collectors.joining(", "));
    }
}
