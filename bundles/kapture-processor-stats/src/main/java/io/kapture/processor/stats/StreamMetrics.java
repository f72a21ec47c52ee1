package io.kapture.processor.stats;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stream statistics of every camera the stats processor has received frames from, for shells, web consoles and
 * tests. Rates and jitter cover a sliding window of recent frames; counts cover everything since the processor
 * started.
 *
 * <p>Thread-safety: every method may be called from any thread, while frames arrive; each returned
 * {@link CameraMetrics} is a consistent snapshot of one camera.
 */
@ProviderType
public interface StreamMetrics {

    /** One snapshot per camera seen, ordered by camera name. */
    List<CameraMetrics> cameras();

    /** The snapshot of one camera; empty if no frame of it has arrived. */
    Optional<CameraMetrics> camera(String name);
}
