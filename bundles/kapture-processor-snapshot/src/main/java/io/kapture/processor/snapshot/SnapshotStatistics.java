package io.kapture.processor.snapshot;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What every configured snapshot schedule (factory configuration {@code io.kapture.processor.snapshot}) has
 * written since it started. Registered once by the snapshot bundle, whether or not a schedule is configured.
 *
 * <p>Thread-safety: may be called from any thread while snapshots are written; each {@link SnapshotActivity} is a
 * consistent snapshot of one schedule.
 */
@ProviderType
public interface SnapshotStatistics {

    /** One snapshot per configured schedule, ordered by camera name, then folder. */
    List<SnapshotActivity> schedules();
}
