package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.CaptureSession;
import io.kapture.shell.internal.ServiceLookup;

/**
 * {@code kapture:stop <camera>}: stops capturing and releases the device; the camera stays configured and can
 * be started again.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "stop", description = "Stops a camera, keeping its configuration")
public class StopCommand extends CameraCommand {

    @Override
    protected void run(ServiceLookup services) {
        CaptureSession session = session(services);
        session.stop();
        System.out.println("Camera " + camera + " stopped (state " + session.state() + ")");
    }
}
