/**
 * What the scheduled snapshots did, for metrics, JMX and consoles: the
 * {@link io.kapture.processor.snapshot.SnapshotStatistics} service lists every configured snapshot schedule's
 * {@link io.kapture.processor.snapshot.SnapshotActivity} (files and bytes written, the newest one's time, failures
 * and the problem that keeps it from writing now).
 */
@Export
@Version("1.0.0")
package io.kapture.processor.snapshot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
