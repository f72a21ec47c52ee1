package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.storage.StorageRoot;
import io.kapture.convert.ImageEncoding;
import io.kapture.processor.recorder.RecordingProgress;

/**
 * Records one camera per factory configuration into a sequence of AVI files. It subscribes to the camera with a
 * queue of eight that drops the oldest frame (a slow disk or encoder loses frames of the recording, never holds
 * the camera back), writes MJPEG frames as they come and encodes others as JPEG, and starts a new file before one
 * would pass the size limit, once one spans the duration limit, and when the frame size changes.
 *
 * <p>The component is immediate: it offers a service only so that {@link RecordingsService} can list it, and
 * must record whether or not anyone asks for that service.
 *
 * <p>A write error closes the file (keeping what it holds) and pauses recording for {@value #RETRY_SECONDS}
 * seconds of capture time before a new file is tried, so a full disk costs a log line per pause, not per frame.
 * Headers are rewritten every {@value #CHECKPOINT_SECONDS} seconds of capture time, so a crash loses at most that
 * much of a file's readability.
 *
 * <p>Threading contract: frames arrive on the engine's delivery thread for this listener, one at a time; JPEG
 * encoding happens there outside the lock, file writing under it. {@link #progress()} may be called from any
 * thread and waits at most for one frame's write. Deactivation unregisters the listener, then closes the file
 * under the lock, so a frame in flight is either written before the file is finished or dropped.
 */
@Component(service = CameraRecorder.class, immediate = true, configurationPid = RecorderSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Config.class, factory = true)
public final class CameraRecorder {

    static final int RETRY_SECONDS = 10;
    static final int CHECKPOINT_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(CameraRecorder.class);
    private static final int QUEUE_CAPACITY = 8;

    private final RecorderSettings settings;
    private final RecordingFiles files;
    private final Object lock = new Object();
    private final ListenerRegistrar.Registration registration;

    // guarded by lock
    private AviWriter writer;
    private long writerStartNanos;
    private long lastCheckpointNanos;
    private int width;
    private int height;
    private long filesCompleted;
    private long framesSkipped;
    private String lastError;
    private boolean paused;
    private long resumeAtNanos;
    private boolean closed;

    @Activate
    public CameraRecorder(BundleContext context, Config config) throws IOException {
        this(ListenerRegistrar.of(context), StorageRoot.of(context), RecorderSettings.from(config));
    }

    /**
     * @throws IllegalArgumentException if the folder lies outside the storage root
     * @throws IOException              if the folder cannot be created
     */
    CameraRecorder(ListenerRegistrar registrar, StorageRoot root, RecorderSettings settings) throws IOException {
        this.settings = settings;
        this.files = new RecordingFiles(root, settings);
        Path folder = files.folder();
        this.registration = registrar.register(this::onFrame, ListenerRegistrar.subscription(settings.camera(),
                "recorder:" + settings.camera(), QUEUE_CAPACITY));
        LOG.info("Recording camera {} to {}, a new file every {} MB{}", settings.camera(), folder,
                settings.maxFileBytes() / 1_000_000, settings.maxFileNanos() == 0 ? ""
                        : " or " + TimeUnit.NANOSECONDS.toSeconds(settings.maxFileNanos()) + " s");
    }

    @Deactivate
    void deactivate() {
        registration.close();
        synchronized (lock) {
            closed = true;
            finishFile();
        }
    }

    /** What the recorder is doing now. */
    RecordingProgress progress() {
        synchronized (lock) {
            AviWriter current = writer;
            return new RecordingProgress(settings.camera(),
                    Optional.ofNullable(current).map(w -> w.path().toString()),
                    current == null ? 0 : current.frames(), current == null ? 0 : current.bytes(),
                    current == null ? 0 : TimeUnit.NANOSECONDS.toMillis(current.durationNanos()), filesCompleted,
                    framesSkipped, Optional.ofNullable(lastError));
        }
    }

    void onFrame(Frame frame) {
        ByteBuffer jpeg = frame.isCorrupted() ? null : jpegOf(frame);
        synchronized (lock) {
            if (closed) {
                return;
            }
            long now = frame.timestampNanos();
            if (jpeg == null || paused && now - resumeAtNanos < 0) {
                framesSkipped++;
                return;
            }
            paused = false;
            try {
                if (writer != null && mustRotate(frame, jpeg.remaining())) {
                    finishFile();
                }
                if (writer == null) {
                    startFile(frame);
                }
                writer.write(jpeg, now);
                if (now - lastCheckpointNanos >= TimeUnit.SECONDS.toNanos(CHECKPOINT_SECONDS)) {
                    writer.checkpoint();
                    lastCheckpointNanos = now;
                }
            } catch (IOException | RuntimeException e) {
                framesSkipped++;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("Recording camera {} failed, pausing for {} s: {}", settings.camera(), RETRY_SECONDS,
                        lastError);
                finishFile();
                paused = true;
                resumeAtNanos = now + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
            }
        }
    }

    /** The frame as a JPEG: MJPEG data as it is, anything else encoded; null (and logged) if that fails. */
    private ByteBuffer jpegOf(Frame frame) {
        try {
            return ByteBuffer.wrap(ImageEncoding.jpegOf(frame, settings.jpegQuality()));
        } catch (RuntimeException e) {
            synchronized (lock) {
                lastError = e.getMessage();
            }
            LOG.debug("Camera {} frame {} not recorded: {}", settings.camera(), frame.sequence(), e.getMessage());
            return null;
        }
    }

    private boolean mustRotate(Frame frame, int size) {
        return writer.bytes() + size + AviWriter.FRAME_OVERHEAD > settings.maxFileBytes()
                || settings.maxFileNanos() > 0 && frame.timestampNanos() - writerStartNanos >= settings.maxFileNanos()
                || frame.format().width() != width || frame.format().height() != height;
    }

    private void startFile(Frame frame) throws IOException {
        Path path = files.next(frame.wallClockMillis());
        writer = AviWriter.create(path, frame.format().width(), frame.format().height());
        width = frame.format().width();
        height = frame.format().height();
        writerStartNanos = frame.timestampNanos();
        lastCheckpointNanos = frame.timestampNanos();
        LOG.info("Camera {} records to {}", settings.camera(), path);
    }

    /** Closes the current file, if any, keeping what it holds. */
    private void finishFile() {
        AviWriter finishing = writer;
        if (finishing == null) {
            return;
        }
        writer = null;
        // an interrupt meant for a wait (the engine sends one to a listener that does not return when
        // unsubscribed) must not cut the finishing short: it would close the channel again
        boolean interrupted = Thread.interrupted();
        try {
            finishing.close();
            filesCompleted++;
            LOG.info("Camera {} recorded {}: {} frames, {} bytes, {} ms", settings.camera(), finishing.path(),
                    finishing.frames(), finishing.bytes(), TimeUnit.NANOSECONDS.toMillis(finishing.durationNanos()));
        } catch (IOException e) {
            lastError = "finishing " + finishing.path() + ": " + e.getMessage();
            LOG.warn("Camera {}: {}", settings.camera(), lastError);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
