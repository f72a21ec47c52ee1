package io.kapture.shell.internal.command;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.Terminal;

import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.Cameras;
import io.kapture.shell.internal.Redraw;
import io.kapture.shell.internal.ServiceLookup;
import io.kapture.shell.internal.StatsView;
import io.kapture.shell.internal.activity.ActivityLines;
import io.kapture.shell.internal.completer.CameraCompleter;
import io.kapture.shell.internal.metrics.CameraFigures;
import io.kapture.shell.internal.metrics.ProcessorMetrics;

/**
 * {@code kapture:stats [camera] [--follow]}: per camera and per listener, frame rate, deliveries, losses by
 * cause, latency percentiles, pool hit rate, queued driver buffers, stream start and restarts, plus
 * processor-stats' jitter figures when that bundle runs, and a line per motion detector and snapshot schedule when
 * those bundles run. With {@code --follow} the view is redrawn on the
 * session's console until Ctrl-C.
 *
 * <p>Threading contract: see {@link KaptureCommand}; with {@code --follow} it blocks its command thread until
 * interrupted.
 */
@Service
@Command(scope = "kapture", name = "stats",
        description = "Shows capture statistics; --follow refreshes until Ctrl-C",
        detailedDescription = "Per camera: since when its stream runs, stream restarts, fps, frames captured and "
                + "delivered by the current stream, driver buffers queued, pool hit rate, and frames lost by "
                + "cause (sequence gaps, queue policy drops, fallback copies, reclaimed leases, corrupted). Per "
                + "listener: queue, deliveries, drops, errors and latency p50/p99/max. With the processor-stats "
                + "bundle, also its jitter and gap figures; with motion detectors and snapshot schedules, a line "
                + "each: motion now, periods and seconds of motion; files, bytes, the newest and failures.")
public class StatsCommand extends KaptureCommand {

    @Argument(index = 0, name = "camera", description = "Only this camera")
    @Completion(CameraCompleter.class)
    String camera;

    @Option(name = "--follow", aliases = "-f", description = "Redraw every interval until Ctrl-C")
    boolean follow;

    @Option(name = "--interval", aliases = "-i", description = "Seconds between redraws with --follow")
    double intervalSeconds = 1;

    @Reference
    Session session;

    @Override
    protected void run(ServiceLookup services) {
        Cameras cameras = services.cameras();
        if (camera != null) {
            cameras.get(camera);
        }
        if (!follow) {
            draw(cameras, System.out);
            return;
        }
        if (!(intervalSeconds > 0)) {
            throw new IllegalArgumentException("--interval must be more than 0 seconds, was " + intervalSeconds);
        }
        String heading = "Every " + BigDecimal.valueOf(intervalSeconds).stripTrailingZeros().toPlainString()
                + " s; Ctrl-C to stop.";
        Terminal terminal = session.getTerminal();
        Redraw.untilInterrupted(session.getConsole(), terminal != null && terminal.isAnsiSupported(),
                Math.round(intervalSeconds * 1000), out -> {
                    out.println(heading);
                    draw(cameras, out);
                });
    }

    private void draw(Cameras cameras, PrintStream out) {
        List<CaptureSession> shown = camera == null ? cameras.all() : cameras.find(camera).stream().toList();
        List<CameraFigures> figures = ProcessorMetrics.read(context).stream()
                .filter(figure -> camera == null || figure.camera().equals(camera)).toList();
        StatsView.print(shown, figures, out);
        ActivityLines.print(context, camera, out);
    }
}
