package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.ServiceLookup;

/**
 * {@code kapture:start <camera>}: starts a stopped or failed camera and reports the state it reached; a camera
 * that waits or failed again makes the command fail with its last error.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "start", description = "Starts a camera")
public class StartCommand extends CameraCommand {

    @Override
    protected void run(ServiceLookup services) {
        CaptureSession session = session(services);
        session.start();
        switch (session.state()) {
            case FAILED, WAITING -> throw new IllegalStateException("Camera " + camera + " did not start ("
                    + session.state() + "): " + session.lastError().orElse("no reason given"));
            default -> System.out.println("Camera " + camera + " started (state " + session.state() + ")");
        }
    }
}
