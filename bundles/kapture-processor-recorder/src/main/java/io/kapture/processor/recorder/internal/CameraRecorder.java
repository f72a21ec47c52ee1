package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.encoder.EncoderRanking;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.storage.StorageRoot;
import io.kapture.processor.recorder.RecordingEvents;
import io.kapture.processor.recorder.RecordingProgress;

/**
 * Records one camera per factory configuration: continuously into a sequence of video files, or (mode
 * {@code event}) into clips around triggers that begin with the pre-roll ring's frames. It subscribes to the camera
 * with a queue of eight that drops the oldest frame (a slow disk or encoder loses frames of the recording, never
 * holds the camera back). Its files' life-cycle (begun at a key frame, rotated by size, duration, frame size,
 * checkpointed, finished and announced) is a {@link FileLifecycle}'s. Frames are encoded by a {@link FrameEncoder}
 * and files written through a {@link VideoSink}: format {@code mjpeg} writes MJPEG frames as they come and
 * encodes others as JPEG into AVI files; format {@code h264} encodes through the best-ranked
 * {@link VideoEncoderFactory} service (a dynamic, optional reference: without one, frames are skipped and the last
 * error says what to install) into fragmented MP4 files.
 *
 * <p>The component is immediate: it offers a service only so that {@link RecordingsService} can list it and pass
 * it triggers, and must record whether or not anyone asks for that service.
 *
 * <p>A write error (a full disk, a folder that vanished or turned into a file) closes the file, keeping what it
 * holds, and pauses writing for {@value #RETRY_SECONDS} seconds of capture time before a new file is tried, so a
 * full disk costs a log line per pause, not per frame; the camera and its other listeners never notice. The error
 * stays in {@link #progress()} until a frame is written again, so that a recorder counts as failing (metrics, MQTT,
 * JMX) only while it is: an event recorder whose clip failed is no longer once its next clip is written. A file
 * that cannot be finished when it is rotated (its index or last fragment not written: a full disk, a file gone)
 * is such an error too, though the frame that rotated it begins the next file if it can: then the recorder writes
 * on and the error stays for {@value #RETRY_SECONDS} seconds of capture time, as long as a failed write's pause,
 * before the next frame written clears it. Every
 * {@value FileLifecycle#CHECKPOINT_SECONDS} seconds of capture time the file is checkpointed (an AVI's headers
 * rewritten, so a crash loses at most that much of its readability; an MP4, readable fragment by fragment as
 * written, forced to disk), and the recorder checks that its file is still there.
 *
 * <p>Each file begun, finished (with why) or that could not be begun is posted to EventAdmin as a
 * {@link RecordingEvents} event by a {@link RecordingAnnouncer}, outside the lock; EventAdmin is an optional,
 * dynamic reference: without it the recorder records all the same.
 *
 * <p>Threading contract: frames arrive on the engine's delivery thread for this listener, one at a time; JPEG
 * or H.264 encoding happens there outside the lock, file writing (the {@link FileLifecycle}, which is not
 * thread-safe) under it. Triggers may be called from any thread
 * and never wait for a write (they are noted and applied at the next frame). {@link #progress()} and
 * {@link #fileInUse()} may be called from any thread and wait at most for one frame's write (or a clip's pre-roll
 * being written). Deactivation unregisters the listener, then closes the file under the lock, so a frame in
 * flight is either written before the file is finished or dropped. SCR's deactivation ({@link #stop}) marks the
 * recorder stopping, so no further frame is taken, and leaves the rest to a thread of its own: finishing a file
 * writes (an AVI's index, an MP4's last fragment) and forces it to disk, which SCR's thread must not wait for.
 */
@Component(service = CameraRecorder.class, immediate = true, configurationPid = RecorderSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Config.class, factory = true)
public final class CameraRecorder {

    static final int RETRY_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(CameraRecorder.class);
    private static final int QUEUE_CAPACITY = 8;

    private final RecorderSettings settings;
    private final FrameEncoder encoder;
    private final EncoderRanking encoders;
    private final Object lock = new Object();
    private final ListenerRegistrar.Registration registration;
    private final RecordingAnnouncer announcer;
    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    /** Set when deactivation begins: frames that still arrive are not taken. */
    private volatile boolean stopping;

    /** Null for a continuous recorder; see its own threading contract. */
    private final EventClips events;

    // guarded by lock
    private final FileLifecycle file;
    private long framesSkipped;
    /** What keeps the recorder from writing now: set by a failure, cleared by the next frame written. */
    private String lastError;
    /** Whether lastError says why frames could not be encoded: cleared once they can again. */
    private boolean encodingFailing;
    /** Whether lastError tells of a rotated file not finished: frames written keep it until errorHeldUntilNanos. */
    private boolean errorHeld;
    private long errorHeldUntilNanos;
    private boolean paused;
    private long resumeAtNanos;
    private boolean closed;

    @Activate
    public CameraRecorder(BundleContext context, Config config) throws IOException {
        this(ListenerRegistrar.of(context), StorageRoot.of(context), RecorderSettings.from(config),
                new EncoderRanking());
    }

    CameraRecorder(ListenerRegistrar registrar, StorageRoot root, RecorderSettings settings) throws IOException {
        this(registrar, root, settings, new EncoderRanking());
    }

    /**
     * @param encoders the H.264 encoder services, kept up to date by the bind methods (tests fill it themselves)
     * @throws IllegalArgumentException if the folder lies outside the storage root
     * @throws IOException              if the folder cannot be created
     */
    CameraRecorder(ListenerRegistrar registrar, StorageRoot root, RecorderSettings settings, EncoderRanking encoders)
            throws IOException {
        this(registrar, root, settings, encoders, settings.isH264() ? Mp4Writer::create : AviWriter::create);
    }

    /** @param sinks opens the video files (tests pass files that fail) */
    CameraRecorder(ListenerRegistrar registrar, StorageRoot root, RecorderSettings settings, EncoderRanking encoders,
            VideoSink.Factory sinks) throws IOException {
        this.settings = settings;
        RecordingFiles files = new RecordingFiles(root, settings);
        this.encoders = encoders;
        this.encoder = settings.isH264() ? new H264FrameEncoder(settings.camera(), encoders::choice, settings.h264())
                : FrameEncoder.jpeg(settings.jpegQuality());
        this.events = settings.eventMode()
                ? new EventClips(new PrerollRing(settings.preNanos(), settings.prerollBytes()), settings.postNanos())
                : null;
        this.announcer = new RecordingAnnouncer(settings.camera());
        this.file = new FileLifecycle(settings, files, sinks, encoder::requestKeyframe, announcer);
        Path folder = files.folder();
        this.registration = registrar.register(this::onFrame, ListenerRegistrar.subscription(settings.camera(),
                "recorder:" + settings.camera(), QUEUE_CAPACITY));
        LOG.info("Recording camera {} {}", settings.camera(), settings.describe(folder));
    }

    /** SCR's deactivation: frames stop at once; the file is finished on a thread of its own. */
    @Deactivate
    void stop() {
        stopping = true;
        // SCR unbinds EventAdmin once this returns: the last file's event goes to the one bound now
        EventAdmin last = eventAdmin.get();
        Thread finishing = new Thread(() -> deactivate(last), "kapture-recorder-stop:" + settings.camera());
        finishing.start();
    }

    /** Stops recording and finishes the file on the calling thread (tests; SCR's deactivation goes through stop). */
    void deactivate() {
        deactivate(eventAdmin.get());
    }

    private void deactivate(EventAdmin events) {
        stopping = true;
        registration.close();
        synchronized (lock) {
            closed = true;
            finishFile(RecordingEvents.REASON_STOPPED);
        }
        encoder.close();
        announcer.flush(events);
    }

    @Reference(name = "eventAdmin", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetEventAdmin")
    void setEventAdmin(EventAdmin events) {
        eventAdmin.set(events);
    }

    void unsetEventAdmin(EventAdmin events) {
        eventAdmin.compareAndSet(events, null);
    }

    @Reference(name = "encoders", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeEncoder")
    void addEncoder(VideoEncoderFactory factory, Map<String, Object> properties) {
        if (!encoders.add(factory, properties) && settings.isH264()) {
            LOG.info("Recorder of camera {} ignores encoder {}: it produces {}, not {}", settings.camera(),
                    factory.name(), properties.get(VideoEncoderFactory.CODEC), VideoEncoderFactory.H264);
        }
    }

    void removeEncoder(VideoEncoderFactory factory) {
        encoders.remove(factory);
    }

    String camera() {
        return settings.camera();
    }

    /** What the recorder is doing now. */
    RecordingProgress progress() {
        synchronized (lock) {
            VideoSink current = file.current();
            return new RecordingProgress(settings.camera(),
                    Optional.ofNullable(current).map(w -> w.path().toString()),
                    current == null ? 0 : current.frames(), current == null ? 0 : current.bytes(),
                    current == null ? 0 : TimeUnit.NANOSECONDS.toMillis(current.durationNanos()), file.filesCompleted(),
                    framesSkipped, Optional.ofNullable(lastError), Optional.ofNullable(events).map(EventClips::status),
                    file.bytesWritten(), file.filesUnfinished());
        }
    }

    /** The file being written now, which retention must leave alone. */
    Optional<Path> fileInUse() {
        synchronized (lock) {
            return file.path();
        }
    }

    /** Motion began: an event recorder starts or extends a clip. Returns whether this recorder is one. */
    boolean activityStarted(String trigger) {
        if (events != null) {
            events.activityStarted(trigger);
        }
        return events != null;
    }

    /** Motion ended: an event recorder's clip ends post.seconds later. */
    void activityEnded() {
        if (events != null) {
            events.activityEnded();
        }
    }

    /** An external trigger: an event recorder starts or extends a clip. Returns whether this recorder is one. */
    boolean pulse(String trigger) {
        if (events != null) {
            events.pulse(trigger);
        }
        return events != null;
    }

    void onFrame(Frame frame) {
        if (stopping) {
            return;
        }
        List<EncodedFrame> encoded = frame.isCorrupted() ? null : encode(frame);
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (encoded == null) {
                framesSkipped++;
                return;
            }
            if (encodingFailing) {
                // no encoder until now (none bound yet, a library missing): the reason no longer holds
                encodingFailing = false;
                lastError = null;
            }
            for (EncodedFrame unit : encoded) {
                record(unit);
            }
        }
        announcer.flush(eventAdmin.get());
    }

    /** What becomes of one encoded frame: written, or kept in the pre-roll ring. Under the lock. */
    private void record(EncodedFrame encoded) {
        if (events == null) {
            store(encoded, null);
            return;
        }
        EventClips.Step step = events.next(encoded);
        switch (step.kind()) {
            case START -> {
                finishFile(RecordingEvents.REASON_CLIP_ENDED);
                LOG.info("Camera {}: {} triggers a clip, with {} frames of pre-roll", settings.camera(),
                        step.trigger(), step.frames().size() - 1);
                for (EncodedFrame earlier : step.frames()) {
                    store(earlier, step.trigger());
                }
            }
            case CONTINUE -> {
                store(encoded, step.trigger());
                announcer.extended(step.extendedBy(), encoded.wallClockMillis());
            }
            case END -> finishFile(RecordingEvents.REASON_CLIP_ENDED);
            case IDLE -> {
                // kept in the ring
            }
        }
    }

    /** The frame encoded (none, one or more frames); null (and logged) if that fails. */
    private List<EncodedFrame> encode(Frame frame) {
        try {
            return encoder.encode(frame);
        } catch (RuntimeException e) {
            synchronized (lock) {
                lastError = e.getMessage();
                encodingFailing = true;
            }
            LOG.debug("Camera {} frame {} not recorded: {}", settings.camera(), frame.sequence(), e.getMessage());
            return null;
        }
    }

    /** Writes one frame to the current file, starting one if needed; a failure pauses writing. */
    private void store(EncodedFrame frame, String trigger) {
        long now = frame.timestampNanos();
        if (paused && now - resumeAtNanos < 0) {
            framesSkipped++;
            return;
        }
        paused = false;
        try {
            boolean written = file.write(frame, trigger);
            String unfinished = file.rotationFailure();
            if (unfinished != null) {
                // the file before this one is damaged, though writing goes on: shown as a failed write's would be
                lastError = unfinished;
                errorHeld = true;
                errorHeldUntilNanos = now + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
            } else if (written && !(errorHeld && now - errorHeldUntilNanos < 0)) {
                // writing works again: the error no longer says what the recorder does (metrics, alerts, MQTT)
                lastError = null;
                errorHeld = false;
            }
            if (!written) {
                framesSkipped++;
            }
        } catch (IOException | RuntimeException e) {
            framesSkipped++;
            errorHeld = false;
            VideoSink failed = file.current();
            lastError = (failed == null ? "starting a file in folder '" + settings.folder() + "'"
                    : "writing " + failed.path()) + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("Recording camera {} failed, pausing for {} s: {}", settings.camera(), RETRY_SECONDS,
                    lastError);
            if (failed == null || failed.frames() == 0) {
                announcer.failed(lastError);
            }
            finishFile(RecordingEvents.REASON_ERROR);
            paused = true;
            resumeAtNanos = now + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
        }
    }

    /** Closes the current file, if any, keeping what it holds; {@code reason} is a RecordingEvents REASON_. */
    private void finishFile(String reason) {
        String failure = file.finish(reason, lastError);
        if (failure != null) {
            lastError = failure;
        }
    }
}
