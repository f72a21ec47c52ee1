package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;

import io.kapture.shell.internal.completer.CameraCompleter;
import io.kapture.shell.internal.recordings.RecorderAccess;

/**
 * {@code kapture:recordings [camera]}: what every recorder writes (or, in event mode, its clip and pre-roll
 * ring), the video files in the storage directory with their trigger, size and duration, and what storage
 * retention deleted. A failure (no recorder bundle) ends the command with an exception, so scripts see it.
 *
 * <p>Threading contract: Karaf makes a new instance for every execution and runs it on the session's command
 * thread.
 */
@Service
@Command(scope = "kapture", name = "recordings", description = "Lists recorders, recordings and event clips,"
        + " and what retention deleted",
        detailedDescription = "One line per recorder: the file it writes, frames, size and time, or for an event"
                + " recorder its clip's trigger and its pre-roll ring (frames, memory against its bound, frames"
                + " dropped for memory). Then every video file in the storage directory, oldest first: camera,"
                + " start, trigger (continuous for continuous recordings), size, duration and frames, a * marking"
                + " files being written. Last, storage retention's limits and the files it deleted by cause.")
public class RecordingsCommand implements Action {

    @Reference
    BundleContext context;

    @Argument(index = 0, name = "camera", description = "Only this camera's recorders and files")
    @Completion(CameraCompleter.class)
    String camera;

    @Override
    public Object execute() {
        RecorderAccess.print(context, camera, System.out);
        return null;
    }
}
