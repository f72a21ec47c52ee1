package io.kapture.benchmarks.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.event.Event;

import io.kapture.api.CaptureSession;
import io.kapture.mqtt.internal.BridgeRuntime;
import io.kapture.mqtt.internal.MqttConfig;
import io.kapture.mqtt.internal.MqttSettings;
import io.kapture.mqtt.testing.Mosquitto;
import io.kapture.testing.ComponentConfig;

/**
 * Scale of the MQTT bridge (a measuring program, not a test): one Mosquitto on this machine, {@code nodes} bridges
 * (each its own Paho connection and threads, as separate nodes would have) with {@code cameras} simulated cameras
 * each, statistics every second, and motion bursts (a START and an END for a tenth of the cameras every second).
 * A {@code mosquitto_sub} on {@code kapture/#} stands for the operator's client. Measured over the run: messages/s
 * and bytes/s arriving at mosquitto_sub, the broker's CPU (from /proc), the nodes' CPU per message published
 * (this JVM's CPU minus the thread reading mosquitto_sub), and the latency from posting a motion event to reading
 * it from mosquitto_sub's output (nanoTime in this JVM at both ends).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.kapture.benchmarks.mqtt.MqttFleetBenchmark [nodes] [cameras] [seconds]</pre>
 */
public final class MqttFleetBenchmark {

    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");

    private MqttFleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int cameras = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path folder = Files.createTempDirectory("kapture-mqtt-bench");
        try (Mosquitto broker = Mosquitto.start(folder)) {
            run(broker, nodes, cameras, seconds);
        }
    }

    private static void run(Mosquitto broker, int nodes, int cameras, int seconds) throws Exception {
        Map<Long, Long> posted = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong received = new AtomicLong();
        AtomicLong receivedBytes = new AtomicLong();
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()),
                "-v", "-q", "1", "-t", "kapture/#").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> read(sub, posted, latencies, received, receivedBytes), "bench-reader");
        reader.setDaemon(true);
        reader.start();

        List<BridgeRuntime> bridges = new ArrayList<>();
        List<List<CaptureSession>> fleet = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            List<CaptureSession> sessions = new ArrayList<>();
            for (int c = 0; c < cameras; c++) {
                sessions.add(new SimulatedCamera("cam" + c));
            }
            fleet.add(sessions);
            MqttSettings settings = ComponentConfig.of(MqttConfig.class).with("server.uri", broker.uri())
                    .with("node.id", "bench" + n).with("stats.interval.seconds", 1).as(MqttSettings::from);
            BridgeRuntime bridge = BridgeRuntime.simulated(settings, () -> sessions);
            bridges.add(bridge);
            bridge.start();
        }
        AtomicLong sequence = new AtomicLong();
        ScheduledExecutorService motion = Executors.newSingleThreadScheduledExecutor();
        int perSecond = Math.max(1, nodes * cameras / 10);
        AtomicLong cursor = new AtomicLong();
        motion.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perSecond; i++) {
                long k = cursor.getAndIncrement();
                int node = (int) (k % nodes);
                String camera = fleet.get(node).get((int) ((k / nodes) % cameras)).camera();
                for (String kind : new String[] { "START", "END" }) {
                    long id = sequence.incrementAndGet();
                    posted.put(id, System.nanoTime());
                    bridges.get(node).motion(new Event("io/kapture/motion/" + kind, Map.of("camera", camera,
                            "time", System.currentTimeMillis(), "sequence", id, "bbox.x", 10, "bbox.y", 20,
                            "bbox.width", 200, "bbox.height", 120, "score", 0.12)));
                }
            }
        }, 1000, 1000, TimeUnit.MILLISECONDS);

        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5)); // warm-up: connections, JIT
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        long wall0 = System.nanoTime();
        double broker0 = ProcCpu.seconds(broker.handle().pid());
        double sub0 = ProcCpu.seconds(sub.pid());
        long jvm0 = os.getProcessCpuTime();
        long reader0 = threads.getThreadCpuTime(reader.getId());
        long published0 = published(bridges);
        long received0 = received.get();
        long bytes0 = receivedBytes.get();
        latencies.clear();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
        double wall = (System.nanoTime() - wall0) / 1e9;
        double brokerCpu = ProcCpu.seconds(broker.handle().pid()) - broker0;
        double subCpu = ProcCpu.seconds(sub.pid()) - sub0;
        double nodeCpu = (os.getProcessCpuTime() - jvm0 - (threads.getThreadCpuTime(reader.getId()) - reader0)) / 1e9;
        long published = published(bridges) - published0;
        long got = received.get() - received0;
        long bytes = receivedBytes.get() - bytes0;
        long dropped = bridges.stream().mapToLong(b -> b.view().dropped()).sum();
        motion.shutdownNow();
        bridges.forEach(BridgeRuntime::stop);
        sub.destroy();

        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf(Locale.ROOT, "nodes %d x cameras %d = %d cameras, %d s, %d motion events/s posted%n",
                nodes, cameras, nodes * cameras, seconds, perSecond * 2);
        System.out.printf(Locale.ROOT, "published by nodes: %.0f msg/s; received by mosquitto_sub: %.0f msg/s, "
                + "%.1f KB/s (topic + payload), outbox dropped %d%n", published / wall, got / wall,
                bytes / wall / 1024, dropped);
        System.out.printf(Locale.ROOT, "broker CPU: %.1f %% of one core (%.1f us per message in); "
                + "mosquitto_sub CPU %.1f %%%n", 100 * brokerCpu / wall, 1e6 * brokerCpu / Math.max(1, published),
                100 * subCpu / wall);
        System.out.printf(Locale.ROOT, "node CPU: %.1f %% of one core for all nodes, %.1f us per message "
                + "published%n", 100 * nodeCpu / wall, 1e6 * nodeCpu / Math.max(1, published));
        System.out.printf(Locale.ROOT, "motion event latency, posted -> read from mosquitto_sub (%d events): "
                + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", sorted.length, percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static long published(List<BridgeRuntime> bridges) {
        return bridges.stream().mapToLong(b -> b.view().published()).sum();
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static void read(Process sub, Map<Long, Long> posted, List<Long> latencies, AtomicLong received,
            AtomicLong bytes) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(sub.getInputStream(),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                long now = System.nanoTime();
                received.incrementAndGet();
                bytes.addAndGet(line.length());
                int space = line.indexOf(' ');
                if (space > 0 && line.startsWith("/motion", space - 7)) {
                    Matcher matcher = SEQUENCE.matcher(line);
                    if (matcher.find()) {
                        Long start = posted.remove(Long.parseLong(matcher.group(1)));
                        if (start != null) {
                            latencies.add(now - start);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // mosquitto_sub ended
        }
    }

}
