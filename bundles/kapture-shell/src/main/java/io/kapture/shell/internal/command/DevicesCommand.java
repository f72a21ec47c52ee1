package io.kapture.shell.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.CaptureSession;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.shell.internal.Cameras;
import io.kapture.shell.internal.DeviceTables;
import io.kapture.shell.internal.Devices;

/**
 * {@code kapture:devices}: the capture devices every installed provider finds on this machine (V4L2 nodes when
 * the V4L2 bundle is present, synthetic cameras).
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "devices",
        description = "Lists the capture devices found on this machine",
        detailedDescription = "Every device of every installed capture source provider: V4L2 nodes when kapture-v4l2 "
                + "runs, synthetic cameras.")
public class DevicesCommand extends KaptureCommand {

    @Reference
    List<CaptureSourceProvider> providers;

    @Reference
    List<CaptureSession> sessions;

    @Override
    protected void run() {
        Devices devices = new Devices(providers, new Cameras(sessions));
        DeviceTables.printDevices(devices.discover(System.err::println), System.out);
    }
}
