package io.kapture.health.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.SessionState;
import io.kapture.api.storage.StorageRoot;
import io.kapture.health.HealthProblem;
import io.kapture.health.HealthReport;
import io.kapture.health.KaptureHealth;

/**
 * The {@link KaptureHealth} service: checks every camera ({@link CameraChecks}, and its corrupted frames over a
 * window, {@link CorruptionCheck}), every listener's drops over the window ({@link ListenerChecks}) and the
 * storage directory's free space ({@link StorageCheck}). Evaluation only
 * reads counters and asks the file system for its free space, so it is cheap enough for a load balancer polling
 * every second; nothing runs between evaluations.
 *
 * <p>Threading contract: {@link #evaluate()} runs on callers' threads, concurrently; cameras come and go on SCR's
 * threads into a copy-on-write list; the tolerances are replaced whole ({@code volatile}) by {@link #modified}.
 */
@Component(service = KaptureHealth.class, configurationPid = KaptureHealth.PID)
@Designate(ocd = Config.class)
public final class HealthEvaluator implements KaptureHealth {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEvaluator.class);

    private final List<CaptureSession> cameras = new CopyOnWriteArrayList<>();
    private final DropWindows windows = new DropWindows();
    private final ListenerChecks listeners = new ListenerChecks(windows);
    private final CorruptionCheck corruption = new CorruptionCheck(windows);
    private final StorageCheck storage;
    private volatile Tolerances tolerances = Tolerances.DEFAULTS;

    @Activate
    public HealthEvaluator(BundleContext context, Config config) {
        this(new StorageCheck(StorageRoot.location(context.getProperty(StorageRoot.PROPERTY),
                context.getProperty("karaf.data"))));
        modified(config);
    }

    HealthEvaluator(StorageCheck storage) {
        this.storage = storage;
    }

    @Modified
    void modified(Config config) {
        try {
            tolerances = Tolerances.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the health checks keep their previous tolerances", e.getMessage());
        }
    }

    void tolerances(Tolerances tolerances) {
        this.tolerances = tolerances;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeCamera")
    void addCamera(CaptureSession camera) {
        cameras.add(camera);
    }

    void removeCamera(CaptureSession camera) {
        cameras.remove(camera);
    }

    @Override
    public HealthReport evaluate() {
        Tolerances now = tolerances;
        long nowMillis = System.currentTimeMillis();
        long nowNanos = System.nanoTime();
        List<HealthProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int running = 0;
        List<CaptureSession> sorted = cameras.stream().sorted(Comparator.comparing(CaptureSession::camera)).toList();
        for (CaptureSession camera : sorted) {
            running += camera.state() == SessionState.RUNNING ? 1 : 0;
            CaptureStats stats;
            try {
                stats = camera.stats();
            } catch (RuntimeException e) {
                problems.add(new HealthProblem(HealthProblem.CHECK_CAMERA_STATE, camera.camera(),
                        "its figures cannot be read: " + e));
                continue;
            }
            problems.addAll(CameraChecks.check(camera, stats, now, nowMillis));
            corruption.check(camera, stats, now, nowNanos, seen).ifPresent(problems::add);
            problems.addAll(listeners.check(camera.camera(), stats, now, nowNanos, seen));
        }
        windows.retain(seen);
        storage.check(now.storageMinFreePercent()).ifPresent(problems::add);
        return new HealthReport(nowMillis, sorted.size(), running, problems);
    }
}
