package io.kapture.jmx.internal;

import java.io.IOException;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;

/**
 * {@link CameraMXBean} over a {@link CaptureSession}: every attribute reads the session when asked, so a JMX client
 * always sees current figures and nothing runs between reads. Failures reach the client as exceptions with the
 * session's own message (a JMX client shows it), never as a stack of Kapture internals.
 *
 * <p>Threading contract: JMX calls it on RMI threads, concurrently; the session is thread-safe and the bean keeps
 * no state of its own.
 */
final class CameraBean implements CameraMXBean {

    private final CaptureSession session;
    private final Snapshots snapshots;

    CameraBean(CaptureSession session, Snapshots snapshots) {
        this.session = session;
        this.snapshots = snapshots;
    }

    private CaptureStats stats() {
        return session.stats();
    }

    @Override
    public String getName() {
        return session.camera();
    }

    @Override
    public String getDevice() {
        return session.device();
    }

    @Override
    public String getState() {
        return session.state().name();
    }

    @Override
    public String getFormat() {
        return session.format().map(Object::toString).orElse("");
    }

    @Override
    public String getDelivery() {
        return session.delivery();
    }

    @Override
    public String getEffectiveDelivery() {
        return session.effectiveDelivery();
    }

    @Override
    public String getDeliveryFallback() {
        return session.deliveryFallback().orElse("");
    }

    @Override
    public String getLastError() {
        return session.lastError().orElse("");
    }

    @Override
    public double getConfiguredFps() {
        return session.configuredFps();
    }

    @Override
    public double getFps() {
        return stats().fps();
    }

    @Override
    public long getStreamStartedAtMillis() {
        return stats().startedAtMillis();
    }

    @Override
    public long getRestarts() {
        return stats().restarts();
    }

    @Override
    public long getFramesCaptured() {
        return stats().captured();
    }

    @Override
    public long getFramesDelivered() {
        return stats().delivered();
    }

    @Override
    public long getFramesDropped() {
        return stats().dropped();
    }

    @Override
    public long getSequenceGaps() {
        return stats().sequenceGaps();
    }

    @Override
    public long getSequenceRepeats() {
        return stats().sequenceRepeats();
    }

    @Override
    public long getCorruptedFrames() {
        return stats().corrupted();
    }

    @Override
    public int getDriverBuffersQueued() {
        return stats().queuedBuffers();
    }

    @Override
    public int getDriverBuffers() {
        return stats().bufferCount();
    }

    @Override
    public int getListeners() {
        return stats().listeners().size();
    }

    @Override
    public String start() {
        session.start();
        return session.state().name();
    }

    @Override
    public String stop() {
        session.stop();
        return session.state().name();
    }

    @Override
    public String snapshot() {
        try {
            return snapshots.take(session.camera()).toString();
        } catch (IOException e) {
            // only JDK exceptions without Kapture's causes: a JMX client must be able to read what it gets
            throw new IllegalStateException("snapshot of camera " + session.camera() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("snapshot of camera " + session.camera() + " interrupted");
        }
    }
}
