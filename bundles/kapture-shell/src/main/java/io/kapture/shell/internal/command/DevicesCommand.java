package io.kapture.shell.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.shell.internal.DeviceTables;
import io.kapture.shell.internal.Devices;
import io.kapture.shell.internal.ServiceLookup;

/**
 * {@code kapture:devices}: the capture devices every installed provider finds on this machine (V4L2 nodes when
 * the V4L2 bundle is present, synthetic cameras). A provider that cannot list its devices makes the command fail
 * after the others' devices are printed.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
@Service
@Command(scope = "kapture", name = "devices",
        description = "Lists the capture devices found on this machine",
        detailedDescription = "Every device of every installed capture source provider: V4L2 nodes when kapture-v4l2 "
                + "runs, synthetic cameras.")
public class DevicesCommand extends KaptureCommand {

    @Override
    protected void run(ServiceLookup services) {
        Devices devices = services.devices();
        List<String> problems = new ArrayList<>();
        DeviceTables.printDevices(devices.discover(problems::add), System.out);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }
}
