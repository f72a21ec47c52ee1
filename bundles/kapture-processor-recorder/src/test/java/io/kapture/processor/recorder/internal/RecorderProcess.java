package io.kapture.processor.recorder.internal;

import java.io.IOException;

import io.kapture.api.PixelFormat;
import io.kapture.api.storage.StorageRoot;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.SyntheticFeed;

/**
 * A program for {@link RecorderCrashTest} and {@link Mp4CrashTest} to kill: records the synthetic camera at 30 fps,
 * as it makes frames, into {@code <storage>/recordings} until the process dies, printing {@code frame <n> <file>}
 * after every 30th. Arguments: the storage folder, and optionally the format ({@code h264}: encoded by the real
 * OpenH264 into MP4).
 *
 * <p>Single-threaded: the main thread delivers every frame.
 */
public final class RecorderProcess {

    private RecorderProcess() {
    }

    public static void main(String[] args) throws IOException {
        StorageRoot root = StorageRoot.of(args[0], null);
        RecordingRegistrar registrar = new RecordingRegistrar();
        ComponentConfig<Config> config = ComponentConfig.of(Config.class).with("camera", "cam0");
        CameraRecorder recorder = args.length > 1
                ? new CameraRecorder(registrar, root, config.with("format", args[1]).as(RecorderSettings::from),
                        H264Frames.openh264())
                : new CameraRecorder(registrar, root, config.as(RecorderSettings::from));
        try (SyntheticFeed feed = SyntheticFeed.live("cam0", "bars+box", 320, 240, PixelFormat.YUYV, 30)) {
            for (long n = 1;; n++) {
                registrar.deliver(feed.next());
                if (n % 30 == 0) {
                    System.out.println("frame " + n + " " + recorder.fileInUse().orElseThrow());
                    System.out.flush();
                }
            }
        }
    }
}
