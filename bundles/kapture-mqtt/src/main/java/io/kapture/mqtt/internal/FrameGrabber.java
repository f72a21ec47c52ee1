package io.kapture.mqtt.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.kapture.api.FrameListener;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.listener.ListenerRegistrar.Registration;
import io.kapture.convert.ImageEncoding;

/**
 * The snapshot command's JPEG: subscribes to the camera with a queue of one frame that drops the oldest (so it
 * never holds the camera back), encodes the first frame it gets inside {@code onFrame}, while the frame is valid,
 * and unsubscribes on every path.
 *
 * <p>Threading contract: {@link #jpeg} blocks its caller (the bridge's command thread) up to the timeout; the
 * encoding runs on the engine's delivery thread for this listener.
 */
final class FrameGrabber {

    /** The listener's name in kapture:listeners while it waits. */
    static final String LISTENER_NAME = "mqtt-snapshot";

    private final ListenerRegistrar registrar;

    FrameGrabber(ListenerRegistrar registrar) {
        this.registrar = registrar;
    }

    /** An encoded frame with what it was. */
    record Jpeg(byte[] bytes, long sequence, int width, int height, long timeMillis) {
    }

    Jpeg jpeg(String camera, float quality, long timeoutMillis) throws InterruptedException {
        CompletableFuture<Jpeg> result = new CompletableFuture<>();
        FrameListener listener = frame -> {
            if (!result.isDone()) {
                try {
                    result.complete(new Jpeg(ImageEncoding.jpegOf(frame, quality), frame.sequence(),
                            frame.format().width(), frame.format().height(), frame.wallClockMillis()));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        };
        try (Registration registration = registrar.register(listener,
                ListenerRegistrar.subscription(camera, LISTENER_NAME, 1))) {
            return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no frame from camera " + camera + " within " + timeoutMillis / 1000
                    + " s; is it running? (its state topic says)", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the frame cannot be encoded as JPEG: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
