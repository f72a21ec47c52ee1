package io.kapture.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;

/**
 * The table of {@code kapture:cameras}, followed by a line for each way a running camera's format differs from
 * its configuration, one per camera delivered with another strategy than configured (zero-copy on a device that
 * cannot lend its buffers: why) and one per camera that has a last error, so that a user sees at once why a camera delivers
 * another size or rate than asked, waits, failed or kept its previous configuration. Frames and drops cover the
 * current stream; restarts count the streams started again since the camera was configured.
 *
 * <p>Threading contract: stateless; reads each session's thread-safe snapshot once.
 */
public final class CameraTable {

    private CameraTable() {
    }

    /** Prints the cameras, in the order given. */
    public static void print(List<CaptureSession> sessions, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("Device");
        table.column("Format");
        table.column("FPS set/measured").alignRight();
        table.column("Delivery");
        table.column("State");
        table.column("Frames").alignRight();
        table.column("Drops").alignRight();
        table.column("Restarts").alignRight();
        table.emptyTableText("No cameras configured: add a factory configuration "
                + CameraConfiguration.FACTORY_PID + " (etc/" + CameraConfiguration.FACTORY_PID + "-<name>.cfg).");
        for (CaptureSession session : sessions) {
            CaptureStats stats = session.stats();
            table.addRow().addContent(session.camera(), session.device(),
                    session.format().map(FrameFormat::toString).orElse(Figures.NONE),
                    Figures.configuredFps(session.configuredFps()) + " / " + Figures.fps(stats.fps()),
                    Figures.delivery(session), session.state(), stats.captured(),
                    stats.sequenceGaps() + stats.dropped(), stats.restarts());
        }
        table.print(out);
        for (CaptureSession session : sessions) {
            session.adjustments().forEach(adjustment -> out.println("Adjusted " + session.camera() + ": "
                    + adjustment));
            session.deliveryFallback().ifPresent(why -> out.println("Delivery of " + session.camera() + ": " + why));
            session.lastError().ifPresent(error -> out.println("Last error of " + session.camera() + ": " + error));
        }
    }
}
