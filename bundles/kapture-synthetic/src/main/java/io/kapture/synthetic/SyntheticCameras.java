package io.kapture.synthetic;

import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.synthetic.internal.SyntheticSourceProvider;

/**
 * The synthetic camera for code that runs without OSGi (the shared test fixtures in kapture-testing, benchmarks):
 * the same {@link CaptureSourceProvider} the bundle registers as a service, so such code needs nothing from the
 * bundle's internal package.
 *
 * <p>Stateless; safe from any thread.
 */
public final class SyntheticCameras {

    private SyntheticCameras() {
    }

    /**
     * A new provider of synthetic cameras (device {@code synthetic} or {@code synthetic:<name>}); close the sources
     * it opens.
     */
    public static CaptureSourceProvider provider() {
        return new SyntheticSourceProvider();
    }
}
