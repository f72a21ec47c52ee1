package io.kapture.jmx.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureSession;
import io.kapture.api.FrameListener;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.storage.StorageRoot;

/**
 * Keeps a {@link CameraMXBean} per camera and a {@link ListenerMXBean} per listener registered. Cameras and
 * listeners settle asynchronously after their services appear (a session's name, a listener's subscription), so a
 * camera or listener service event makes the beans refresh a moment later and twice more after that, on a thread of this bundle that exists only
 * while such a refresh is due (so nothing runs while nothing changes).
 *
 * <p>Threading contract: cameras are bound and unbound on SCR's threads (registering a service is quick; the
 * whiteboard's MBean registration runs within it); listener service events arrive on whatever thread registered
 * the listener and only schedule work; refreshes run on the refresh thread; {@link BeanRegistrations} and
 * {@link ListenerBeans} serialize.
 */
@Component(immediate = true, service = {})
public final class ManagementBeans {

    static final long SNAPSHOT_TIMEOUT_MILLIS = 10_000;
    private static final long[] REFRESH_DELAYS_MILLIS = {100, 1000, 5000};
    private static final String CAMERA_PREFIX = JmxNames.DOMAIN + ":type=Camera,";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementBeans.class);

    private final BundleContext context;
    private final List<CaptureSession> cameras = new CopyOnWriteArrayList<>();
    private final BeanRegistrations registrations;
    private final ListenerBeans listeners;
    private final Snapshots snapshots;
    private final ScheduledThreadPoolExecutor refresher = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "kapture-jmx-listeners");
        thread.setDaemon(true);
        return thread;
    });
    private final ServiceListener listenerEvents = event -> scheduleRefresh();

    @Activate
    public ManagementBeans(BundleContext context) {
        this.context = context;
        this.registrations = new BeanRegistrations(context);
        this.listeners = new ListenerBeans(registrations);
        this.snapshots = new Snapshots(ListenerRegistrar.of(context), () -> StorageRoot.of(context),
                SNAPSHOT_TIMEOUT_MILLIS);
        refresher.setKeepAliveTime(5, TimeUnit.SECONDS);
        refresher.allowCoreThreadTimeOut(true);
        refresher.setRemoveOnCancelPolicy(true);
        try {
            context.addServiceListener(listenerEvents, "(objectClass=" + FrameListener.class.getName() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the listener filter is constant and valid", e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeCamera")
    void addCamera(CaptureSession camera) {
        cameras.add(camera);
        scheduleRefresh();
    }

    void removeCamera(CaptureSession camera) {
        cameras.remove(camera);
        registrations.unregisterOwnedBy(camera);
        scheduleRefresh();
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(listenerEvents);
        refresher.shutdownNow();
        registrations.unregisterAll();
    }

    private void scheduleRefresh() {
        if (refresher.isShutdown()) {
            return;
        }
        for (long delay : REFRESH_DELAYS_MILLIS) {
            try {
                refresher.schedule(this::refresh, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                return;
            }
        }
    }

    /**
     * Brings the beans in line with the cameras and their listeners. A camera's name is read here, not when SCR
     * binds its session: a session may be registered before its name is set, and a bean named then would be named
     * wrongly for good.
     */
    private void refresh() {
        try {
            List<CaptureSession> named = cameras.stream().filter(camera -> !camera.camera().isEmpty())
                    .sorted(Comparator.comparing(CaptureSession::camera)).toList();
            Set<String> names = new HashSet<>();
            for (CaptureSession camera : named) {
                String name = JmxNames.camera(camera.camera());
                names.add(name);
                registrations.register(name, camera, new CameraBean(camera, snapshots), CameraMXBean.class);
            }
            registrations.retain(CAMERA_PREFIX, names);
            listeners.refresh(named);
        } catch (RuntimeException e) {
            LOG.warn("Kapture MBeans not refreshed: {}", e.toString(), e);
        }
    }
}
