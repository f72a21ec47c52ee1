package io.kapture.jmx.internal;

import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * {@link SnapshotSchedulesMXBean} over the snapshot bundle's {@link SnapshotStatistics}, read at every call.
 *
 * <p>Thread-safe: JMX calls it on RMI threads at once; the service is thread-safe.
 */
final class SnapshotSchedulesBean implements SnapshotSchedulesMXBean {

    private final SnapshotStatistics snapshots;

    private SnapshotSchedulesBean(SnapshotStatistics snapshots) {
        this.snapshots = snapshots;
    }

    /** @param service a {@link SnapshotStatistics}, as {@link ActivityBeans} gets it without naming the type */
    static SnapshotSchedulesMXBean over(Object service) {
        return new SnapshotSchedulesBean((SnapshotStatistics) service);
    }

    @Override
    public long getFilesWritten() {
        return snapshots.schedules().stream().mapToLong(SnapshotActivity::written).sum();
    }

    @Override
    public long getBytesWritten() {
        return snapshots.schedules().stream().mapToLong(SnapshotActivity::bytesWritten).sum();
    }

    @Override
    public long getFailures() {
        return snapshots.schedules().stream().mapToLong(SnapshotActivity::failures).sum();
    }

    @Override
    public int getSchedulesFailing() {
        return (int) snapshots.schedules().stream().filter(SnapshotActivity::failing).count();
    }

    @Override
    public String[] getSchedules() {
        return snapshots.schedules().stream().map(SnapshotActivity::line).toArray(String[]::new);
    }
}
