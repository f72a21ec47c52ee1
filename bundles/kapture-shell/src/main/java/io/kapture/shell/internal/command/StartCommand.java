package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.ServiceLookup;
import io.kapture.shell.internal.completer.CameraCompleter;

/**
 * {@code kapture:start <camera>}: starts a stopped or failed camera and reports the state it reached; a camera
 * that waits or failed again is reported on {@code System.err} with its last error.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "start", description = "Starts a camera")
public class StartCommand extends KaptureCommand {

    @Argument(index = 0, name = "camera", required = true, description = "The camera's name")
    @Completion(CameraCompleter.class)
    String camera;

    @Override
    protected void run(ServiceLookup services) {
        CaptureSession session = services.cameras().get(camera);
        session.start();
        switch (session.state()) {
            case FAILED, WAITING -> System.err.println("Camera " + camera + " did not start (" + session.state() + "): "
                    + session.lastError().orElse("no reason given"));
            default -> System.out.println("Camera " + camera + " started (state " + session.state() + ")");
        }
    }
}
