/**
 * Live stream statistics per camera (frame rate, inter-frame jitter, sequence gaps), measured by the stats
 * processor from the frames it receives and offered as the {@link io.kapture.processor.stats.StreamMetrics}
 * service.
 */
@Export
@Version("1.0.0")
package io.kapture.processor.stats;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
