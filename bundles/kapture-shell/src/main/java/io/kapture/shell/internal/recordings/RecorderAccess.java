package io.kapture.shell.internal.recordings;

import java.io.PrintStream;

import org.osgi.framework.BundleContext;

/**
 * The recorder bundle's {@code Recordings} service for {@code kapture:recordings} and {@code kapture:trigger}. Its
 * package is imported optionally, so this class checks that the package can be loaded before touching
 * {@link RecordingsView}, the only class that names its types; without it the commands fail with a message saying
 * what to install.
 *
 * <p>Threading contract: stateless; every call asks the service registry afresh, so the bundle may come and go.
 */
public final class RecorderAccess {

    static final String RECORDINGS = "io.kapture.processor.recorder.Recordings";
    static final String MISSING = "the recorder is not installed: feature:install kapture-recorder";

    private RecorderAccess() {
    }

    /**
     * Prints the recorders, the video files and retention's figures.
     *
     * @throws IllegalStateException if the recorder bundle or its service is absent
     */
    public static void print(BundleContext context, String camera, PrintStream out) {
        requirePackage();
        RecordingsView.print(context, camera, out);
    }

    /**
     * Triggers the event recorders of {@code camera}.
     *
     * @return how many were triggered
     * @throws IllegalStateException if the recorder bundle or its service is absent
     */
    public static int trigger(BundleContext context, String camera, String trigger) {
        requirePackage();
        return RecordingsView.trigger(context, camera, trigger);
    }

    private static void requirePackage() {
        try {
            Class.forName(RECORDINGS, false, RecorderAccess.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(MISSING, e);
        }
    }
}
