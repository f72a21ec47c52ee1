package io.kapture.shell.internal.command;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kapture.api.CaptureSession;
import io.kapture.api.SessionState;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.shell.internal.Figures;
import io.kapture.shell.internal.ImageFiles;
import io.kapture.shell.internal.NotDelivering;
import io.kapture.shell.internal.ServiceLookup;
import io.kapture.shell.internal.SnapshotTaker;
import io.kapture.shell.internal.SnapshotTaker.Snapshot;
import io.kapture.shell.internal.convert.FrameConversion;

/**
 * {@code kapture:snapshot <camera> <file>}: writes the camera's next frame as a PNG or JPEG image, chosen by the
 * file's extension; a relative file name is taken under Karaf's base directory.
 *
 * <p>Threading contract: see {@link KaptureCommand}; blocks its command thread until a frame comes, the time-out
 * passes or the user presses Ctrl-C.
 */
@Service
@Command(scope = "kapture", name = "snapshot", description = "Writes a camera's next frame to a PNG or JPEG file")
public class SnapshotCommand extends CameraCommand {

    @Argument(index = 1, name = "file", required = true, description = "The image file: .png, .jpg or .jpeg; "
            + "relative to Karaf's base directory unless absolute")
    String file;

    @Option(name = "--timeout", aliases = "-t", description = "Seconds to wait for a frame")
    double timeoutSeconds = 5;

    @Override
    protected void run(ServiceLookup services) throws IOException {
        CaptureSession session = session(services);
        SessionState state = session.state();
        if (state != SessionState.RUNNING && state != SessionState.STARTING) {
            throw new IllegalStateException(NotDelivering.explain(session, services.devices()));
        }
        Path path = ImageFiles.resolve(file, context.getProperty("karaf.base"));
        String format = ImageFiles.formatOf(path);
        ImageFiles.checkDirectory(path);
        if (!FrameConversion.available()) {
            throw new IllegalStateException("kapture:snapshot needs the kapture-convert bundle to turn frames into "
                    + "images; install it and refresh kapture-shell");
        }
        Snapshot snapshot;
        try {
            snapshot = new SnapshotTaker(ListenerRegistrar.of(context)).take(camera,
                    Math.round(timeoutSeconds * 1000), frame -> FrameConversion.encode(frame, format));
        } catch (InterruptedException e) {
            throw new IllegalStateException("Snapshot of " + camera + " cancelled", e);
        }
        long size = ImageFiles.write(snapshot.image(), path);
        System.out.println("Wrote " + path + " (" + Figures.bytes(size) + ", " + snapshot.format() + " frame "
                + snapshot.sequence() + " of " + camera + ")");
    }
}
