package io.kapture.jmx.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.storage.CameraFiles;
import io.kapture.api.storage.StorageRoot;
import io.kapture.convert.ImageEncoding;

/**
 * Takes one camera's next frame into a JPEG file in the folder {@value #FOLDER} of the storage directory, named
 * by {@link CameraFiles}, for the JMX snapshot operation. A short-lived listener (queue of one, drop oldest)
 * subscribes for the one frame and is unregistered at once; the frame is encoded on its delivery thread while it
 * is valid, and the file written on the caller's thread.
 *
 * <p>Threading contract: {@link #take} may run on several JMX threads at once; each call has its own listener.
 */
final class Snapshots {

    static final String FOLDER = "snapshots";
    static final String LISTENER_NAME = "jmx-snapshot";
    static final float QUALITY = 0.9f;

    private final ListenerRegistrar registrar;
    private final StorageRootSupplier storage;
    private final long timeoutMillis;

    /** Where the storage root comes from, on first use (it creates the directory). */
    @FunctionalInterface
    interface StorageRootSupplier {
        StorageRoot get() throws IOException;
    }

    Snapshots(ListenerRegistrar registrar, StorageRootSupplier storage, long timeoutMillis) {
        this.registrar = registrar;
        this.storage = storage;
        this.timeoutMillis = timeoutMillis;
    }

    private record Image(byte[] jpeg, long wallClockMillis) {
    }

    /** Writes the camera's next frame and returns the file, absolute. */
    Path take(String camera) throws IOException, InterruptedException {
        CompletableFuture<Image> next = new CompletableFuture<>();
        FrameListener listener = (Frame frame) -> {
            if (!next.isDone()) {
                try {
                    next.complete(new Image(ImageEncoding.jpegOf(frame, QUALITY), frame.wallClockMillis()));
                } catch (RuntimeException e) {
                    next.completeExceptionally(e);
                }
            }
        };
        Image image;
        try (ListenerRegistrar.Registration registration = registrar.register(listener,
                ListenerRegistrar.subscription(camera, LISTENER_NAME, 1))) {
            image = next.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("camera " + camera + " delivered no frame within " + timeoutMillis + " ms; is it"
                    + " running?");
        } catch (ExecutionException e) {
            throw new IOException("the frame could not be encoded as JPEG: " + e.getCause().getMessage());
        }
        Path folder = storage.get().folder("snapshot folder", FOLDER);
        Path file = CameraFiles.newFile(folder, camera, image.wallClockMillis(), "jpg");
        Files.write(file, image.jpeg(), StandardOpenOption.CREATE_NEW);
        return file.toAbsolutePath();
    }
}
