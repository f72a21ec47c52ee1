package io.kapture.processor.motion.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;

/**
 * The {@link MotionStatistics} service: the activity of every configured {@link MotionComponent}, which SCR binds
 * and unbinds here as detector configurations come and go. Registered whether or not a detector is configured.
 *
 * <p>Threading contract: bind and unbind may run on any thread, concurrently with readers; the detectors are kept
 * in a copy-on-write list, so every read works on a consistent list without locking, and each detector's snapshot
 * takes only that detector's short-held counting monitor.
 */
@Component(service = MotionStatistics.class)
public final class MotionStatisticsService implements MotionStatistics {

    private final List<MotionComponent> detectors = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeDetector")
    void addDetector(MotionComponent detector) {
        detectors.add(detector);
    }

    void removeDetector(MotionComponent detector) {
        detectors.remove(detector);
    }

    @Override
    public List<MotionActivity> detectors() {
        return detectors.stream().map(MotionComponent::activity).sorted(Comparator.comparing(MotionActivity::camera))
                .toList();
    }
}
