package io.kapture.shell.internal.metrics;

import java.util.List;

import org.osgi.framework.BundleContext;

/**
 * The processor-stats bundle's figures, when it runs. Its package is imported optionally, so this class checks
 * that the package can be loaded before touching {@link StreamMetricsReader}, the only class that names its
 * types; without it the shell works and simply shows no processor figures.
 *
 * <p>Threading contract: stateless; every call asks the service registry afresh, so the bundle may come and go.
 */
public final class ProcessorMetrics {

    private static final String STREAM_METRICS = "io.kapture.processor.stats.StreamMetrics";

    private ProcessorMetrics() {
    }

    /** The figures of every camera processor-stats measures; empty when the bundle or its service is absent. */
    public static List<CameraFigures> read(BundleContext context) {
        return available() ? StreamMetricsReader.read(context) : List.of();
    }

    /** Whether the optional package is wired to this bundle. */
    static boolean available() {
        try {
            Class.forName(STREAM_METRICS, false, ProcessorMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
