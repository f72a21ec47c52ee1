package io.kapture.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;

import io.kapture.api.CaptureSession;
import io.kapture.api.ListenerStats;

/**
 * The table of {@code kapture:listeners}: every frame listener subscribed to every camera, with its bundle,
 * camera filter, queue, drop policy, drops and errors.
 *
 * <p>Threading contract: stateless; reads each session's thread-safe snapshot once.
 */
public final class ListenerTable {

    private ListenerTable() {
    }

    /** One row per listener and camera. */
    public static void print(List<CaptureSession> sessions, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Camera");
        table.column("Listener");
        table.column("Bundle");
        table.column("Filter");
        table.column("Queue").alignRight();
        table.column("Policy");
        table.column("Delivered").alignRight();
        table.column("Dropped");
        table.column("Errors").alignRight();
        table.emptyTableText("No frame listeners are subscribed.");
        for (CaptureSession session : sessions) {
            for (ListenerStats listener : session.stats().listeners()) {
                table.addRow().addContent(session.camera(), listener.name(), listener.bundle(),
                        listener.cameraFilter(), listener.queued() + "/" + listener.queueCapacity(),
                        listener.policy(), listener.delivered(), listener.droppedWithCauses(), listener.errors());
            }
        }
        table.print(out);
    }
}
