package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.storage.StorageRoot;
import io.kapture.processor.recorder.RecordedFile;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;
import io.kapture.processor.recorder.RetentionStatus;
import io.kapture.processor.recorder.StorageSpace;

/**
 * The {@link Recordings} service: collects the progress of every configured {@link CameraRecorder}, which SCR
 * binds and unbinds here as configurations come and go; passes triggers to event recorders (motion events, the
 * recorder's own trigger topic, {@link #trigger}); and runs storage retention (configuration
 * {@code io.kapture.storage.retention}), which must know the recorders' open files to leave them alone.
 *
 * <p>Threading contract: bind and unbind may run on any thread, concurrently with readers; the recorders are
 * kept in a copy-on-write list, so every read works on a consistent snapshot without locking. Activation and
 * modification only hand the limits to retention's own thread. A trigger (EventAdmin's thread, the shell's) only
 * notes itself in the recorders, never waiting for a write.
 */
@Component(service = { Recordings.class, EventHandler.class }, configurationPid = RetentionSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = { EventConstants.EVENT_TOPIC + "=" + RecordingsService.MOTION_START,
            EventConstants.EVENT_TOPIC + "=" + RecordingsService.MOTION_END,
            EventConstants.EVENT_TOPIC + "=" + Recordings.TOPIC_TRIGGER })
@Designate(ocd = RetentionConfig.class)
public final class RecordingsService implements Recordings, EventHandler {

    static final String MOTION_START = "io/kapture/motion/START";
    static final String MOTION_END = "io/kapture/motion/END";
    static final String MOTION_TRIGGER = "motion";

    private static final Logger LOG = LoggerFactory.getLogger(RecordingsService.class);
    private static final Comparator<RecordingProgress> ORDER = Comparator.comparing(RecordingProgress::camera)
            .thenComparing(progress -> progress.file().orElse(""));

    private final List<CameraRecorder> recorders = new CopyOnWriteArrayList<>();
    private final Path root;
    private final StorageRetention retention;

    @Activate
    public RecordingsService(BundleContext context, RetentionConfig config) throws IOException {
        this(StorageRoot.of(context).path());
        modified(config);
    }

    /** Without retention limits until {@link #modified} gives some. */
    RecordingsService(Path root) {
        this.root = root;
        this.retention = new StorageRetention(root, this::filesInUse, StorageRetention.diskOf(root),
                System::currentTimeMillis);
    }

    @Modified
    void modified(RetentionConfig config) {
        try {
            retention.apply(RetentionSettings.from(config));
        } catch (IllegalArgumentException e) {
            retention.refuse(e.getMessage() + "; the previous limits stay");
            LOG.error("Storage retention not changed: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        retention.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeRecorder")
    void addRecorder(CameraRecorder recorder) {
        recorders.add(recorder);
    }

    void removeRecorder(CameraRecorder recorder) {
        recorders.remove(recorder);
    }

    @Override
    public List<RecordingProgress> recordings() {
        return recorders.stream().map(CameraRecorder::progress).sorted(ORDER).toList();
    }

    @Override
    public List<RecordingProgress> recordings(String camera) {
        return recorders.stream().map(CameraRecorder::progress).filter(progress -> progress.camera().equals(camera))
                .sorted(ORDER).toList();
    }

    @Override
    public List<RecordedFile> files() {
        try {
            return VideoFileCatalog.list(root, this::filesInUse);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the storage directory " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RetentionStatus retention() {
        return retention.status();
    }

    @Override
    public Optional<StorageSpace> storageSpace() {
        try {
            // the storage directory is made with the first recording: until then its nearest existing parent
            // (on the same disk, unless a mount is made there later) tells the space
            Path existing = root;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return Optional.empty();
            }
            FileStore store = Files.getFileStore(existing);
            long total = store.getTotalSpace();
            return Optional.of(new StorageSpace(total, total - store.getUnallocatedSpace(), store.getUsableSpace()));
        } catch (IOException e) {
            LOG.debug("The disk of {} cannot be read: {}", root, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public int trigger(String camera, String trigger) {
        int triggered = 0;
        for (CameraRecorder recorder : recorders) {
            if (recorder.camera().equals(camera) && recorder.pulse(VideoFileNames.safeTrigger(trigger))) {
                triggered++;
            }
        }
        return triggered;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(EVENT_CAMERA) instanceof String camera)) {
            LOG.warn("Event {} without a String property '{}' ignored: it names the camera to trigger",
                    event.getTopic(), EVENT_CAMERA);
            return;
        }
        switch (event.getTopic()) {
            case MOTION_START -> recorders.stream().filter(recorder -> recorder.camera().equals(camera))
                    .forEach(recorder -> recorder.activityStarted(MOTION_TRIGGER));
            case MOTION_END -> recorders.stream().filter(recorder -> recorder.camera().equals(camera))
                    .forEach(CameraRecorder::activityEnded);
            default -> trigger(camera, event.getProperty(EVENT_TRIGGER) instanceof String name ? name : "external");
        }
    }

    /** The retention in force, for tests that run a pass themselves. */
    StorageRetention storageRetention() {
        return retention;
    }

    private Set<Path> filesInUse() {
        Set<Path> inUse = new HashSet<>();
        for (CameraRecorder recorder : recorders) {
            recorder.fileInUse().ifPresent(inUse::add);
        }
        return inUse;
    }
}
