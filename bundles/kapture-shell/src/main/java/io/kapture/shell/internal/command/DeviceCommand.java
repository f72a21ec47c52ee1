package io.kapture.shell.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;

import io.kapture.shell.internal.completer.DeviceCompleter;

/**
 * A command about one capture device, named by its first argument directly or through a camera configured for it
 * (formats, controls, control). Karaf reads the argument from this superclass as from the command's own fields.
 *
 * <p>Threading contract: see {@link KaptureCommand}.
 */
public abstract class DeviceCommand extends KaptureCommand {

    @Argument(index = 0, name = "device", required = true, description = "A device (/dev/video0, synthetic) or "
            + "the name of a camera, meaning its device")
    @Completion(DeviceCompleter.class)
    String device;
}
