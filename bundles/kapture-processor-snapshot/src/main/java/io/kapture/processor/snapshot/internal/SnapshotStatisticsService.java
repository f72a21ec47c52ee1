package io.kapture.processor.snapshot.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * The {@link SnapshotStatistics} service: the activity of every configured {@link SnapshotComponent}, which SCR
 * binds and unbinds here as configurations come and go. Registered whether or not a schedule is configured.
 *
 * <p>Threading contract: bind and unbind may run on any thread, concurrently with readers; the schedules are kept
 * in a copy-on-write list, so every read works on a consistent list without locking, and each schedule's snapshot
 * takes only its short-held counting monitor, never waiting for a file being written.
 */
@Component(service = SnapshotStatistics.class)
public final class SnapshotStatisticsService implements SnapshotStatistics {

    private static final Comparator<SnapshotActivity> ORDER = Comparator.comparing(SnapshotActivity::camera)
            .thenComparing(SnapshotActivity::folder);

    private final List<SnapshotComponent> schedules = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeSchedule")
    void addSchedule(SnapshotComponent schedule) {
        schedules.add(schedule);
    }

    void removeSchedule(SnapshotComponent schedule) {
        schedules.remove(schedule);
    }

    @Override
    public List<SnapshotActivity> schedules() {
        return schedules.stream().map(SnapshotComponent::activity).sorted(ORDER).toList();
    }
}
