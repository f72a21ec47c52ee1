package io.kapture.shell.internal.recordings;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.kapture.processor.recorder.RecordedFile;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;

/**
 * What {@code kapture:recordings} prints: one line per recorder (its file, or its event clip and pre-roll ring),
 * a table of the video files in the storage directory (camera, start in UTC, trigger, size, duration, frames, and
 * a {@code *} on the ones being written), and one line of what retention deleted. Only {@link RecorderAccess}
 * calls it, after checking that the recorder's package is there.
 *
 * <p>Threading contract: stateless; gets the service for one call and gives it back.
 */
final class RecordingsView {

    private static final DateTimeFormatter START =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private RecordingsView() {
    }

    static void print(BundleContext context, String camera, PrintStream out) {
        withRecordings(context, recordings -> {
            List<RecordingProgress> recorders = camera == null ? recordings.recordings()
                    : recordings.recordings(camera);
            if (recorders.isEmpty()) {
                out.println(camera == null ? "No recorders configured (factory PID io.kapture.processor.recorder)."
                        : "No recorder for camera " + camera + ".");
            }
            recorders.forEach(progress -> out.println(progress.line()));
            ShellTable table = new ShellTable();
            table.column("Camera");
            table.column("Start (UTC)");
            table.column("Trigger");
            table.column("MB").alignRight();
            table.column("Seconds").alignRight();
            table.column("Frames").alignRight();
            table.column("File");
            table.emptyTableText("No recordings in the storage directory.");
            for (RecordedFile file : recordings.files()) {
                if (camera != null && !file.camera().equals(camera)) {
                    continue;
                }
                table.addRow().addContent(file.camera(), START.format(Instant.ofEpochMilli(file.startMillis())),
                        file.trigger().orElse("continuous"),
                        String.format(Locale.ROOT, "%.1f", file.bytes() / 1_000_000.0),
                        String.format(Locale.ROOT, "%.1f", file.durationMillis() / 1000.0), file.frames(),
                        file.path() + (file.writing() ? " *" : ""));
            }
            table.print(out);
            out.println("(* being written)");
            out.println(recordings.retention().line());
            return null;
        });
    }

    static int trigger(BundleContext context, String camera, String trigger) {
        return withRecordings(context, recordings -> recordings.trigger(camera, trigger));
    }

    private static <T> T withRecordings(BundleContext context, Function<Recordings, T> work) {
        ServiceReference<Recordings> reference = context.getServiceReference(Recordings.class);
        Recordings recordings = reference == null ? null : context.getService(reference);
        if (recordings == null) {
            throw new IllegalStateException(RecorderAccess.MISSING);
        }
        try {
            return work.apply(recordings);
        } finally {
            context.ungetService(reference);
        }
    }
}
