package io.kapture.processor.recorder.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kapture.api.PixelFormat;
import io.kapture.api.storage.StorageRoot;
import io.kapture.testing.ComponentConfig;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.SyntheticFeed;

/**
 * A program for {@link RecorderCrashTest} and {@link Mp4CrashTest} to kill: records the synthetic camera at 30 fps,
 * as it makes frames, into {@code <storage>/recordings} until the process dies, printing {@code frame <n> <file>}
 * after every 30th. Arguments: the storage folder, and optionally the format ({@code h264}: encoded by the real
 * OpenH264 into MP4). {@link #start} runs it in a JVM of its own for a test.
 *
 * <p>Single-threaded: the main thread delivers every frame. A {@link Child} is driven by one test thread.
 */
public final class RecorderProcess {

    private RecorderProcess() {
    }

    /** The program running in a JVM of its own, which {@link #close} kills (SIGKILL) if the test did not. */
    static final class Child implements AutoCloseable {

        private final Process process;
        private final BufferedReader lines;

        private Child(Process process) {
            this.process = process;
            this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads what the program prints up to the first line beginning with {@code prefix}, and returns it. */
        String awaitLine(String prefix) throws IOException {
            String line;
            do {
                line = lines.readLine();
                if (line == null) {
                    throw new AssertionError("the recorder process ended by itself");
                }
            } while (!line.startsWith(prefix));
            return line;
        }

        /** Kills the program with SIGKILL (no shutdown hook, no close) and waits until it is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the killed recorder process did not end within 30 s");
            }
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            lines.close();
        }
    }

    /** Runs the program on this JVM's class path, recording into {@code storage}; {@code format} as {@link #main}. */
    static Child start(Path storage, String... format) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), RecorderProcess.class.getName(),
                storage.toString()));
        command.addAll(List.of(format));
        return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
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
