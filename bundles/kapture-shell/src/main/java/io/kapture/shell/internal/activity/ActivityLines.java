package io.kapture.shell.internal.activity;

import java.io.PrintStream;
import java.util.List;

import org.osgi.framework.BundleContext;

/**
 * What {@code kapture:stats} adds below its tables when the motion or the snapshot bundle runs: one line per motion
 * detector (motion now and since when, periods, seconds of motion) and per snapshot schedule (files, bytes, the
 * newest, failures and the present problem), as the bundles' statistics services word them. Both packages are
 * imported optionally, so each is checked to load before {@link MotionReader} or {@link SnapshotReader}, the only
 * classes that name their types, is touched; without them nothing is printed.
 *
 * <p>Threading contract: stateless; every call asks the service registry afresh, so the bundles may come and go.
 */
public final class ActivityLines {

    private static final String MOTION = "io.kapture.processor.motion.MotionStatistics";
    private static final String SNAPSHOTS = "io.kapture.processor.snapshot.SnapshotStatistics";

    private ActivityLines() {
    }

    /** Prints the lines of {@code camera}'s detectors and schedules, or of all if it is null. */
    public static void print(BundleContext context, String camera, PrintStream out) {
        section("motion:", available(MOTION) ? MotionReader.lines(context, camera) : List.of(), out);
        section("snapshots:", available(SNAPSHOTS) ? SnapshotReader.lines(context, camera) : List.of(), out);
    }

    private static void section(String heading, List<String> lines, PrintStream out) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading);
        lines.forEach(line -> out.println("  " + line));
    }

    /** Whether the optional package of {@code type} is wired to this bundle. */
    private static boolean available(String type) {
        try {
            Class.forName(type, false, ActivityLines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
