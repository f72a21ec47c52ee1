package io.kapture.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;

import io.kapture.api.CaptureSession;
import io.kapture.api.CaptureStats;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerStats;
import io.kapture.api.SessionState;
import io.kapture.shell.internal.metrics.CameraFigures;

/**
 * What {@code kapture:stats} shows: per camera since when its stream runs and how often it restarted, the frame
 * rate, the frames captured and delivered (counted since that start), every kind of loss counted apart, the
 * driver buffers and the pool; per listener its deliveries, drops and latency
 * percentiles; and, when the processor-stats bundle runs, its jitter and gap figures.
 *
 * <p>Threading contract: stateless; each session's snapshot is taken once per print, so the figures of one
 * camera are consistent with each other.
 */
public final class StatsView {

    private StatsView() {
    }

    /** Prints the tables for these cameras; {@code processorFigures} is empty when processor-stats is absent. */
    public static void print(List<CaptureSession> sessions, List<CameraFigures> processorFigures, PrintStream out) {
        List<Snapshot> snapshots = sessions.stream().map(session -> new Snapshot(session, session.stats())).toList();
        cameras(snapshots).print(out);
        if (!snapshots.isEmpty()) {
            out.println();
            losses(snapshots).print(out);
        }
        out.println();
        listeners(snapshots).print(out);
        if (!processorFigures.isEmpty()) {
            out.println();
            out.println("processor-stats:");
            processor(processorFigures).print(out);
        }
    }

    private record Snapshot(CaptureSession session, CaptureStats stats) {
    }

    private static ShellTable cameras(List<Snapshot> snapshots) {
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("State");
        table.column("Running since");
        table.column("Restarts").alignRight();
        table.column("Delivery");
        table.column("FPS").alignRight();
        table.column("Captured").alignRight();
        table.column("Delivered").alignRight();
        table.column("Driver buffers queued").alignRight();
        table.column("Pool hit rate").alignRight();
        table.emptyTableText("No cameras configured.");
        for (Snapshot snapshot : snapshots) {
            CaptureStats stats = snapshot.stats();
            SessionState state = snapshot.session().state();
            String since = state == SessionState.RUNNING && stats.startedAtMillis() > 0
                    ? Figures.dateTime(stats.startedAtMillis()) : Figures.NONE;
            table.addRow().addContent(snapshot.session().camera(), state, since, stats.restarts(),
                    Figures.delivery(snapshot.session()), Figures.fps(stats.fps()), stats.captured(), stats.delivered(),
                    stats.queuedBuffers() + "/" + stats.bufferCount(),
                    stats.pool().map(FramePoolStats::hitRate).map(Figures::percent).orElse(Figures.NONE));
        }
        return table;
    }

    /**
     * Frames lost or degraded, one column per cause; queue drops are summed over the camera's listeners. Sequence
     * repeats are no loss (the frames are delivered) but a driver fault shown next to the gaps they are not.
     */
    private static ShellTable losses(List<Snapshot> snapshots) {
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("Sequence gaps").alignRight();
        table.column("Sequence repeats").alignRight();
        table.column("Queue policy drops").alignRight();
        table.column("Fallback copies").alignRight();
        table.column("Reclaimed leases").alignRight();
        table.column("Corrupted").alignRight();
        for (Snapshot snapshot : snapshots) {
            CaptureStats stats = snapshot.stats();
            table.addRow().addContent(snapshot.session().camera(), stats.sequenceGaps(), stats.sequenceRepeats(),
                    stats.dropped(), stats.fallbackCopies(), stats.reclaimedLeases(), stats.corrupted());
        }
        return table;
    }

    private static ShellTable listeners(List<Snapshot> snapshots) {
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("Listener");
        table.column("Policy");
        table.column("Queued").alignRight();
        table.column("Delivered").alignRight();
        table.column("Dropped");
        table.column("Errors").alignRight();
        table.column("Runs on");
        table.column("Latency p50").alignRight();
        table.column("p99").alignRight();
        table.column("max").alignRight();
        table.emptyTableText("No frame listeners are subscribed.");
        for (Snapshot snapshot : snapshots) {
            for (ListenerStats listener : snapshot.stats().listeners()) {
                boolean measured = listener.delivered() > 0;
                table.addRow().addContent(snapshot.session().camera(), listener.name(), listener.policy(),
                        listener.queued() + "/" + listener.queueCapacity(), listener.delivered(), listener.droppedWithCauses(),
                        listener.errors(), listener.placementWithReason(),
                        latency(measured, listener.latencyP50Nanos()),
                        latency(measured, listener.latencyP99Nanos()), latency(measured, listener.latencyMaxNanos()));
            }
        }
        return table;
    }

    private static ShellTable processor(List<CameraFigures> figures) {
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("FPS").alignRight();
        table.column("Jitter mean").alignRight();
        table.column("Jitter max").alignRight();
        table.column("Frames").alignRight();
        table.column("Seq gaps").alignRight();
        table.column("Gap frames").alignRight();
        for (CameraFigures camera : figures) {
            table.addRow().addContent(camera.camera(), Figures.fps(camera.fps()),
                    Figures.micros(camera.jitterMeanMicros()), Figures.micros(camera.jitterMaxMicros()),
                    camera.frames(), camera.sequenceGaps(), camera.gapFrames());
        }
        return table;
    }

    private static String latency(boolean measured, long nanos) {
        return measured ? Figures.nanos(nanos) : Figures.NONE;
    }
}
