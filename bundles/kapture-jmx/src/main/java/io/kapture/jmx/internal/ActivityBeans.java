package io.kapture.jmx.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kapture.processor.motion.MotionStatistics;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * Keeps {@code io.kapture:type=Motion} ({@link MotionMXBean}) registered while the motion bundle's
 * {@link MotionStatistics} service is, and {@code io.kapture:type=Snapshots} ({@link SnapshotSchedulesMXBean})
 * while the snapshot bundle's {@link SnapshotStatistics} is. Both bundles are optional (kapture-jmx imports their
 * packages with {@code resolution:=optional}): the services are bound as {@link ComponentServiceObjects}, so this
 * class never names the packages' types and loads without them, and the references are optional, so the bundle is
 * Active without them.
 *
 * <p>Threading contract: SCR activates, binds, unbinds and deactivates on its threads (registering a service is
 * quick); {@link BeanRegistrations} serializes; the beans are read on RMI threads.
 */
@Component(immediate = true, service = {})
public final class ActivityBeans {

    private final BeanRegistrations registrations;

    @Activate
    public ActivityBeans(BundleContext context) {
        this.registrations = new BeanRegistrations(context);
    }

    @Reference(service = MotionStatistics.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeMotion")
    void addMotion(ComponentServiceObjects<?> motion) {
        registrations.register(JmxNames.motion(), motion, MotionBean.over(motion.getService()), MotionMXBean.class);
    }

    void removeMotion(ComponentServiceObjects<?> motion) {
        registrations.unregister(JmxNames.motion(), motion);
    }

    @Reference(service = SnapshotStatistics.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeSnapshots")
    void addSnapshots(ComponentServiceObjects<?> snapshots) {
        registrations.register(JmxNames.snapshots(), snapshots, SnapshotSchedulesBean.over(snapshots.getService()),
                SnapshotSchedulesMXBean.class);
    }

    void removeSnapshots(ComponentServiceObjects<?> snapshots) {
        registrations.unregister(JmxNames.snapshots(), snapshots);
    }

    @Deactivate
    void deactivate() {
        registrations.unregisterAll();
    }
}
