package io.kapture.processor.snapshot.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.listener.IntervalSampler;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.storage.StorageRoot;
import io.kapture.convert.FrameImages;
import io.kapture.convert.ImageEncoding;
import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.internal.SnapshotSettings.ImageFormat;

/**
 * One scheduled snapshot per factory configuration. It subscribes to its camera with a queue of one that drops
 * the oldest frame, and takes one frame per interval with an {@link IntervalSampler}: the first frame of the
 * camera, then the first frame at or after each further interval mark, so snapshots do not drift later and later,
 * there is no timer thread and a camera that sends nothing gets no snapshot.
 * MJPEG frames saved as JPEG are written as they come; everything else is converted with kapture-convert.
 *
 * <p>Threading contract: frames arrive on the engine's delivery thread for this listener, one at a time; all
 * conversion and file writing happens there, so a slow disk delays only this listener (whose queue drops frames
 * meanwhile) and never the camera. Deactivation unregisters the listener; a frame being written then finishes.
 * Every snapshot written or failed is counted ({@link SnapshotCounts}) for {@link SnapshotStatisticsService},
 * which lists the component (it is immediate, and offers a service only for that); {@link #activity} may be called
 * from any thread.
 */
@Component(service = SnapshotComponent.class, immediate = true, configurationPid = SnapshotSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Config.class, factory = true)
public final class SnapshotComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotComponent.class);

    private final SnapshotSettings settings;
    private final SnapshotFiles files;
    private final ListenerRegistrar.Registration registration;
    private final SnapshotCounts counts = new SnapshotCounts();
    private volatile boolean closed;

    // only on the delivery thread
    private final IntervalSampler sampler;

    @Activate
    public SnapshotComponent(BundleContext context, Config config) throws IOException {
        this(ListenerRegistrar.of(context), StorageRoot.of(context), SnapshotSettings.from(config));
    }

    /**
     * @throws IllegalArgumentException if the folder lies outside the storage root
     * @throws IOException              if the folder cannot be created
     */
    SnapshotComponent(ListenerRegistrar registrar, StorageRoot root, SnapshotSettings settings) throws IOException {
        this(registrar, root, settings, new SnapshotFiles(root, settings));
    }

    /** @param files where the snapshots go (tests pass files whose old snapshots cannot be deleted) */
    SnapshotComponent(ListenerRegistrar registrar, StorageRoot root, SnapshotSettings settings, SnapshotFiles files)
            throws IOException {
        this.settings = settings;
        this.sampler = new IntervalSampler(settings.intervalNanos());
        this.files = files;
        Path folder = files.folder();
        this.registration = registrar.register(this::onFrame, ListenerRegistrar.subscription(settings.camera(),
                "snapshot:" + settings.camera(), 1));
        LOG.info("Saving a {} snapshot of camera {} every {} s to {}, keeping {}", settings.format(),
                settings.camera(), settings.intervalNanos() / 1_000_000_000L, folder,
                settings.retention() == 0 ? "all" : settings.retention());
    }

    @Deactivate
    void deactivate() {
        closed = true;
        registration.close();
    }

    /** What this schedule has written since it started. */
    SnapshotActivity activity() {
        return counts.snapshot(settings);
    }

    void onFrame(Frame frame) {
        if (closed || frame.isCorrupted() || !sampler.due(frame.receivedNanos())) {
            return;
        }
        try {
            byte[] image = encode(frame);
            Path written = files.write(image, frame.wallClockMillis());
            if (counts.written(image.length, frame.wallClockMillis())) {
                LOG.info("Snapshots of camera {} are written again", settings.camera());
            }
            LOG.debug("Snapshot of camera {} frame {} written to {}", settings.camera(), frame.sequence(), written);
        } catch (IOException | RuntimeException e) {
            fail("Snapshot", e);
            return;
        }
        try {
            files.prune();
        } catch (IOException | RuntimeException e) {
            // the snapshot is there and counted; the folder grows beyond retention, which the failure says
            fail("Deleting old snapshots", e);
        }
    }

    private void fail(String what, Exception e) {
        String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (counts.failed(problem)) {
            LOG.warn("{} of camera {} failed (repeats are logged at debug level): {}", what, settings.camera(),
                    problem);
        } else {
            LOG.debug("{} of camera {} failed again: {}", what, settings.camera(), problem);
        }
    }

    private byte[] encode(Frame frame) {
        return settings.format() == ImageFormat.PNG ? ImageEncoding.encodePng(FrameImages.toImage(frame))
                : ImageEncoding.jpegOf(frame, settings.jpegQuality());
    }
}
