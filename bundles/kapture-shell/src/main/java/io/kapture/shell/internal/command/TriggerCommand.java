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
 * {@code kapture:trigger <camera> [name]}: triggers the camera's event recorders as an external event would, so
 * each starts a clip with its pre-roll, or extends the one it writes. Throws when the camera has no event
 * recorder, so a script sees that nothing was recorded.
 *
 * <p>Threading contract: Karaf makes a new instance for every execution and runs it on the session's command
 * thread.
 */
@Service
@Command(scope = "kapture", name = "trigger", description = "Triggers a camera's event recorders: a clip with"
        + " pre-roll",
        detailedDescription = "Each event recorder (io.kapture.processor.recorder, mode = event) of the camera"
                + " starts a clip beginning pre.seconds before now and ending post.seconds after the last trigger,"
                + " or extends the clip it writes. The name goes into the clip's file name"
                + " (<camera>-<time>.<name>.avi, or .mp4 with format = h264). The EventAdmin topic"
                + " io/kapture/recorder/TRIGGER does the same.")
public class TriggerCommand implements Action {

    @Reference
    BundleContext context;

    @Argument(index = 0, name = "camera", required = true, description = "The camera whose event recorders to"
            + " trigger")
    @Completion(CameraCompleter.class)
    String camera;

    @Argument(index = 1, name = "name", description = "The trigger's name, in the clip's file name (default"
            + " manual): letters, digits, '_' and '-'")
    String name = "manual";

    @Override
    public Object execute() {
        int triggered = RecorderAccess.trigger(context, camera, name);
        if (triggered == 0) {
            throw new IllegalArgumentException("camera " + camera + " has no event recorder: configure one with"
                    + " factory PID io.kapture.processor.recorder, camera = " + camera + ", mode = event");
        }
        System.out.println("Triggered " + triggered + " event recorder" + (triggered == 1 ? "" : "s")
                + " of camera " + camera + " (" + name + ")");
        return null;
    }
}
