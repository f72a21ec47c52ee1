package io.kapture.shell.internal;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.listener.ListenerRegistrar.Registration;

/**
 * Takes the next frame of a camera as an image file's bytes: registers a short-lived {@link FrameListener} for that
 * camera (queue of one, oldest dropped, so it never holds the camera back), encodes the first frame inside
 * {@code onFrame} while the frame is still valid, and unregisters on every path.
 *
 * <p>Threading contract: {@link #take} blocks the calling thread; the listener runs on the engine's delivery
 * thread and hands its result over through a {@link CompletableFuture}.
 */
public final class SnapshotTaker {

    /** Listener name shown by kapture:listeners while a snapshot waits. */
    public static final String LISTENER_NAME = "kapture:snapshot";

    /** The encoded image of one frame and what the frame said about itself. */
    public record Snapshot(byte[] image, long sequence, FrameFormat format) {
    }

    private final ListenerRegistrar registrar;

    public SnapshotTaker(ListenerRegistrar registrar) {
        this.registrar = registrar;
    }

    /**
     * Waits up to {@code timeoutMillis} for the camera's next frame and encodes it with {@code encoder}.
     *
     * @throws IllegalStateException    if no frame came in time
     * @throws IllegalArgumentException if the frame could not be encoded
     * @throws InterruptedException     if the user pressed Ctrl-C while waiting
     */
    public Snapshot take(String camera, long timeoutMillis, Function<Frame, byte[]> encoder)
            throws InterruptedException {
        CompletableFuture<Snapshot> result = new CompletableFuture<>();
        AtomicBoolean taken = new AtomicBoolean();
        FrameListener listener = frame -> {
            if (taken.compareAndSet(false, true)) {
                try {
                    result.complete(new Snapshot(encoder.apply(frame), frame.sequence(), frame.format()));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        };
        try (Registration registration = registrar.register(listener,
                ListenerRegistrar.subscription(camera, LISTENER_NAME, 1))) {
            return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(String.format(Locale.ROOT, "No frame from camera %s within %.1f s; "
                    + "check that it delivers with kapture:stats %s", camera, timeoutMillis / 1000.0, camera), e);
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("Cannot turn the frame into an image: " + Errors.describe(e.getCause()),
                    e.getCause());
        }
    }
}
