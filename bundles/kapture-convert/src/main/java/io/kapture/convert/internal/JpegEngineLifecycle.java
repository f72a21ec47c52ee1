package io.kapture.convert.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.kapture.convert.internal.jpeg.JpegEngine;

/**
 * Ties the JPEG engine to the bundle's life: chooses it (and logs the choice) when the bundle starts, so an operator
 * sees at once whether libjpeg-turbo is used, and releases its native handles and buffers when the bundle stops. The
 * library works without this component too (tests, benchmarks): the engine is then chosen on first use.
 *
 * <p>SCR calls activate and deactivate on one thread at a time.
 */
@Component(service = {}, immediate = true)
public final class JpegEngineLifecycle {

    @Activate
    public JpegEngineLifecycle() {
        JpegEngine.current();
    }

    @Deactivate
    void deactivate() {
        JpegEngine.releaseNativeResources();
    }
}
