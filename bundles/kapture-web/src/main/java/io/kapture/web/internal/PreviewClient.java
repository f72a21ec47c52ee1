package io.kapture.web.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.listener.IntervalSampler;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.convert.ImageEncoding;

/**
 * One browser's stream of one camera: a {@link FrameListener} of its own (queue of one, oldest dropped) that
 * encodes at most one frame per preview interval and leaves it in a one-image slot, from which the request's
 * thread takes it. A newer image replaces one not yet taken, so a slow browser sees fewer frames, never old ones,
 * and the camera never waits for it. The preview rate follows marks on the frames' receive times
 * ({@link IntervalSampler}), so it stays steady however fast the camera runs.
 *
 * <p>Threading contract: {@link #onFrame} runs on the engine's delivery thread for this listener; {@link #next}
 * on the request's thread; {@link #close()} on any thread, any number of times. The slot is guarded by one
 * monitor. No frame is kept: only encoded bytes cross threads, and closing drops them.
 */
final class PreviewClient implements FrameListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewClient.class);

    private final String camera;
    private final PreviewSettings settings;
    private final Consumer<PreviewClient> onClose;
    private final Object slot = new Object();
    private volatile ListenerRegistrar.Registration registration;
    private volatile boolean closed;

    // only on the delivery thread
    private final IntervalSampler sampler;
    private boolean refusedLogged;

    // guarded by slot
    private byte[] latest;
    private long encoded;

    /** {@code onClose} is told once, when the client closes. */
    PreviewClient(String camera, PreviewSettings settings, Consumer<PreviewClient> onClose) {
        this.camera = camera;
        this.settings = settings;
        this.sampler = new IntervalSampler(settings.minIntervalNanos());
        this.onClose = onClose;
    }

    /** Registers this client's listener; {@link #close()} unregisters it. */
    void subscribe(ListenerRegistrar registrar) {
        registration = registrar.register(this, ListenerRegistrar.subscription(camera, "web-preview:" + camera, 1));
        if (closed) {
            registration.close();
        }
    }

    String camera() {
        return camera;
    }

    @Override
    public void onFrame(Frame frame) {
        if (closed || !sampler.due(frame.receivedNanos())) {
            return;
        }
        byte[] jpeg;
        try {
            jpeg = ImageEncoding.jpegOf(frame, settings.jpegQuality());
        } catch (IllegalArgumentException e) {
            if (!refusedLogged) {
                refusedLogged = true;
                LOG.warn("The preview of camera {} cannot show its frames: {}", camera, e.getMessage());
            }
            return;
        }
        synchronized (slot) {
            if (!closed) {
                latest = jpeg;
                encoded++;
                slot.notifyAll();
            }
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for an image newer than the last one taken.
     *
     * @return the image, or null on time-out or once closed
     * @throws InterruptedException if the request's thread is interrupted
     */
    byte[] next(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (slot) {
            while (latest == null && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(slot, left);
            }
            byte[] image = latest;
            latest = null;
            return image;
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Images encoded for this client so far. */
    long encoded() {
        synchronized (slot) {
            return encoded;
        }
    }

    /** Whether an encoded image waits in the slot. */
    boolean holdsImage() {
        synchronized (slot) {
            return latest != null;
        }
    }

    /** Unregisters the listener, drops any waiting image and wakes the request's thread; idempotent. */
    @Override
    public void close() {
        synchronized (slot) {
            if (closed) {
                return;
            }
            closed = true;
            latest = null;
            slot.notifyAll();
        }
        ListenerRegistrar.Registration current = registration;
        if (current != null) {
            current.close();
        }
        onClose.accept(this);
    }
}
