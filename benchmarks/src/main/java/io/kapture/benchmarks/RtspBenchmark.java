package io.kapture.benchmarks;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.encoder.openh264.internal.OpenH264EncoderFactory;
import io.kapture.rtsp.internal.EmbeddedRtspServer;
import io.kapture.synthetic.SyntheticFrames;

/**
 * RTSP streaming measured with real clients: the real capture pipeline (synthetic camera, engine, pool delivery) and
 * the RTSP server with OpenH264, watched by ffmpeg processes. For each frame size it prints this JVM's CPU (capture,
 * encoding, packetizing and sending; the clients are other processes) with no client, one client and N clients, as
 * per cent of one core, and the glass-to-client latency: from a frame's capture timestamp to the moment ffmpeg, a
 * client decoding with {@code -fflags nobuffer -flags low_delay -threads 1}, has written that frame out decoded (the
 * frame is identified by the sequence code the synthetic camera paints into it).
 *
 * <pre>java -cp benchmarks.jar io.kapture.benchmarks.RtspBenchmark [--size 640x480,1280x720] [--clients 8]
 *     [--seconds 20] [--warmup 5] [--bitrate 2000]</pre>
 *
 * <p>Runs on the main thread; the pipeline, the server and a latency reader run their own threads.
 */
public final class RtspBenchmark {

    private static final Set<String> OPTIONS = Set.of("size", "clients", "seconds", "warmup", "bitrate");
    private static final String CAMERA = "bench";
    private static final double FPS = 30;

    private RtspBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ProgramOptions options = ProgramOptions.parse(args, OPTIONS);
        int seconds = options.whole("seconds", 20);
        int warmup = options.whole("warmup", 5);
        int many = options.whole("clients", 8);
        EncoderSettings settings = EncoderSettings.DEFAULT.withBitrate(options.whole("bitrate", 2000) * 1000);
        PrintStream out = System.out;
        out.println("RTSP benchmark on " + Machine.describe());
        out.printf(Locale.ROOT, "synthetic camera YUYV %.0f fps, pattern bars+box, pool delivery, OpenH264 %s;"
                + " %d s measured after %d s warm-up%n", FPS, settings, seconds, warmup);
        out.println("size       | clients | JVM CPU % of one core | encoded fps | latency p50 / p90 / p99 / max ms");
        for (String size : options.list("size", "640x480,1280x720")) {
            measure(FrameSizes.yuyv(size), settings, many, seconds, warmup, out);
        }
    }

    private static void measure(FrameFormat format, EncoderSettings settings, int many, int seconds, int warmup,
            PrintStream out) throws Exception {
        CaptureTimes captureTimes = new CaptureTimes();
        Map<FrameListener, Map<String, Object>> probe = Map.of(captureTimes, Map.of(FrameListener.CAMERA, CAMERA,
                FrameListener.NAME, "capture-times"));
        try (Pipeline pipeline = Pipeline.start("pool", 1, format, FPS, 4, probe);
                EmbeddedRtspServer server = EmbeddedRtspServer.start(pipeline.registrar(),
                        List.of(new OpenH264EncoderFactory()), name -> name.equals(CAMERA) ? OptionalDouble.of(FPS)
                                : OptionalDouble.empty(), settings, 60)) {
            String size = format.width() + "x" + format.height();
            sleep(warmup);
            out.printf(Locale.ROOT, "%-10s | %7d | %21.1f | %11s | %s%n", size, 0, cpuPercent(seconds), "-", "-");
            for (int clients : new int[] { 1, many }) {
                List<Process> processes = new ArrayList<>();
                try {
                    LatencyReader latency = null;
                    for (int i = 0; i < clients; i++) {
                        if (i == 0) {
                            latency = new LatencyReader(server.url(CAMERA), format, captureTimes);
                            processes.add(latency.process);
                        } else {
                            processes.add(copyingClient(server.url(CAMERA)));
                        }
                    }
                    awaitClients(server, clients);
                    sleep(warmup);
                    latency.reset();
                    long encodedBefore = server.framesEncoded(CAMERA);
                    double cpu = cpuPercent(seconds);
                    double fps = (server.framesEncoded(CAMERA) - encodedBefore) / (double) seconds;
                    out.printf(Locale.ROOT, "%-10s | %7d | %21.1f | %11.1f | %s%n", size, clients, cpu, fps,
                            latency.summary());
                    if (server.slowClientsDropped() > 0) {
                        out.println("  (" + server.slowClientsDropped() + " clients dropped as too slow)");
                    }
                } finally {
                    for (Process process : processes) {
                        process.destroyForcibly().waitFor();
                    }
                }
                awaitClients(server, 0);
            }
        }
    }

    /** This JVM's CPU time over {@code seconds} of wall time, as per cent of one core. */
    private static double cpuPercent(int seconds) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        sleep(seconds);
        return 100.0 * (os.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
    }

    private static Process copyingClient(String url) throws IOException {
        return new ProcessBuilder("ffmpeg", "-v", "error", "-rtsp_transport", "tcp", "-i", url, "-c", "copy", "-f",
                "null", "-").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitClients(EmbeddedRtspServer server, int clients) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.clients(CAMERA) != clients) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("expected " + clients + " RTSP clients, have "
                        + server.clients(CAMERA));
            }
            LockSupport.parkNanos(10_000_000);
        }
    }

    private static void sleep(int seconds) {
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
    }

    /** Remembers each frame's capture time by its sequence number. */
    private static final class CaptureTimes implements FrameListener {
        static final int SLOTS = 1 << 12;
        final AtomicLongArray times = new AtomicLongArray(SLOTS);

        @Override
        public void onFrame(Frame frame) {
            times.set((int) (frame.sequence() & (SLOTS - 1)), frame.timestampNanos());
        }

        long captured(long sequence) {
            return times.get((int) (sequence & (SLOTS - 1)));
        }
    }

    /** An ffmpeg client decoding to grey frames on its standard output, each matched to its capture time. */
    private static final class LatencyReader {
        final Process process;
        private final List<Long> samples = new ArrayList<>();

        LatencyReader(String url, FrameFormat format, CaptureTimes captureTimes) throws IOException {
            process = new ProcessBuilder("ffmpeg", "-v", "error", "-fflags", "nobuffer", "-flags", "low_delay",
                    "-threads", "1", "-rtsp_transport", "tcp", "-i", url, "-f", "rawvideo", "-pix_fmt", "gray",
                    "-flush_packets", "1", "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            FrameFormat grey = FrameFormat.of(format.width(), format.height(), PixelFormat.GREY);
            Thread reader = new Thread(() -> read(grey, captureTimes), "latency-reader");
            reader.setDaemon(true);
            reader.start();
        }

        synchronized void reset() {
            samples.clear();
        }

        synchronized String summary() {
            long[] taken = samples.stream().mapToLong(Long::longValue).toArray();
            Percentiles p = new Percentiles(taken);
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f (%d frames)", p.at(0.5) / 1e6,
                    p.at(0.9) / 1e6, p.at(0.99) / 1e6, p.max() / 1e6, taken.length);
        }

        private synchronized void add(long latency) {
            samples.add(latency);
        }

        private void read(FrameFormat grey, CaptureTimes captureTimes) {
            byte[] image = new byte[grey.imageSize()];
            try (DataInputStream in = new DataInputStream(process.getInputStream())) {
                while (true) {
                    in.readFully(image);
                    long now = System.nanoTime();
                    long sequence = SyntheticFrames.sequenceOf(ByteBuffer.wrap(image), grey);
                    long captured = captureTimes.captured(sequence);
                    if (captured != 0) {
                        add(now - captured);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // the client was stopped, or a frame came out damaged: the samples so far stand
            }
        }
    }
}
