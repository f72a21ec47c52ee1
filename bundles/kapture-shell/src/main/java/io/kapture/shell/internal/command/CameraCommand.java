package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;

import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.ServiceLookup;
import io.kapture.shell.internal.completer.CameraCompleter;

/**
 * A command about one configured camera, named by its first argument (start, stop, snapshot, strategy). Karaf
 * reads the argument from this superclass as from the command's own fields.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
public abstract class CameraCommand extends KaptureCommand {

    @Argument(index = 0, name = "camera", required = true, description = "The camera's name")
    @Completion(CameraCompleter.class)
    String camera;

    /**
     * The camera named by the argument.
     *
     * @throws IllegalArgumentException naming the configured cameras, if none has that name
     */
    CaptureSession session(ServiceLookup services) {
        return services.cameras().get(camera);
    }
}
