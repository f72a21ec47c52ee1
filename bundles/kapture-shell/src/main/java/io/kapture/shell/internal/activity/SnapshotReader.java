package io.kapture.shell.internal.activity;

import java.util.List;

import org.osgi.framework.BundleContext;

import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * The {@link SnapshotStatistics} lines. Only {@link ActivityLines} calls it, after checking that the optional
 * package is there.
 *
 * <p>Threading contract: stateless.
 */
final class SnapshotReader {

    private SnapshotReader() {
    }

    static List<String> lines(BundleContext context, String camera) {
        return ServiceReading.collect(context, SnapshotStatistics.class, SnapshotStatistics::schedules).stream()
                .filter(schedule -> camera == null || schedule.camera().equals(camera)).map(SnapshotActivity::line)
                .toList();
    }
}
