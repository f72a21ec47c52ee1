package io.kapture.shell.internal.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.kapture.processor.stats.CameraMetrics;
import io.kapture.processor.stats.StreamMetrics;

/**
 * Reads the {@link StreamMetrics} service and copies its figures into {@link CameraFigures}. Only
 * {@link ProcessorMetrics} calls it, after checking that the optional package is there.
 *
 * <p>Threading contract: stateless; gets and ungets the service within one call.
 */
final class StreamMetricsReader {

    private StreamMetricsReader() {
    }

    static List<CameraFigures> read(BundleContext context) {
        Collection<ServiceReference<StreamMetrics>> references;
        try {
            references = context.getServiceReferences(StreamMetrics.class, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
        List<CameraFigures> figures = new ArrayList<>();
        for (ServiceReference<StreamMetrics> reference : references) {
            StreamMetrics metrics = context.getService(reference);
            if (metrics == null) {
                continue;
            }
            try {
                metrics.cameras().forEach(camera -> figures.add(copy(camera)));
            } finally {
                context.ungetService(reference);
            }
        }
        return figures;
    }

    private static CameraFigures copy(CameraMetrics camera) {
        return new CameraFigures(camera.camera(), camera.fps(), camera.jitterMeanMicros(), camera.jitterMaxMicros(),
                camera.frames(), camera.sequenceGaps(), camera.gapFrames());
    }
}
