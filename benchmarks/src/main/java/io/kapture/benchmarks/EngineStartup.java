package io.kapture.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool.BufferKind;
import io.kapture.delivery.internal.PoolDelivery;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;
import io.kapture.pool.internal.BoundedFramePool;
import io.kapture.synthetic.internal.SyntheticSourceProvider;
import io.kapture.v4l2.LinuxLibc;

/**
 * Start-up of Kapture's engine outside OSGi, phase by phase, in a fresh JVM: how much CPU (utime + stime of the
 * whole process from {@code /proc/self/stat}, so JIT and GC threads count) and wall time since the JVM was started
 * each phase had used when it ended. The same phases as the vivid guest's engine checks, on the host: the JVM up to
 * {@code main}, loading JNA's native part ({@code com.sun.jna.Native}'s initialisation: it unpacks
 * {@code libjnidispatch.so} from its jar to a temporary file unless {@code jna.boot.library.path} names a directory
 * holding it), registering the C library's calls the V4L2 binding uses ({@link LinuxLibc#get()}), making the frame
 * pool, pool delivery and synthetic source provider and a session, and configuring a 640x480 YUYV camera at 30 fps
 * until its first frame reaches a listener. benchmarks/startup.py --engine runs it repeatedly and summarises.
 *
 * <p>Output: one line per phase, {@code phase <name> cpu <s> wall <s>}, cumulative since the JVM started.
 *
 * <p>Threading contract: runs on the main thread; the session runs its own capture and delivery threads.
 */
public final class EngineStartup {

    private static final long TICKS_PER_SECOND = 100;

    private EngineStartup() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, ClassNotFoundException {
        Instant started = ProcessHandle.current().info().startInstant()
                .orElseThrow(() -> new IllegalStateException("the JVM's start time is not known on this system"));
        phase("jvm", started);
        Class.forName("com.sun.jna.Native");
        phase("jna-native", started);
        LinuxLibc.get();
        phase("jna-libc", started);

        CaptureSessionImpl session = new CaptureSessionImpl();
        BoundedFramePool pool = new BoundedFramePool(64L << 20);
        session.setPool(pool);
        session.addProvider(new SyntheticSourceProvider());
        session.addStrategy(new PoolDelivery(pool, BufferKind.DIRECT), "pool");
        CountDownLatch firstFrame = new CountDownLatch(1);
        FrameListener listener = (Frame frame) -> firstFrame.countDown();
        session.addListener(listener, Subscription.of(listener, Map.of(FrameListener.CAMERA, "startup",
                FrameListener.NAME, "startup-probe"), "benchmarks"));
        phase("components", started);
        try {
            session.configure(Map.of("name", "startup", "device", "synthetic", "width", 640, "height", 480,
                    "pixel.format", "YUYV", "fps", 30.0, "buffers", 4, "delivery", "pool"));
            phase("configure", started);
            if (!firstFrame.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no frame within 60 s: camera " + session.state() + " "
                        + session.lastError().orElse(""));
            }
            phase("first-frame", started);
        } finally {
            session.close();
            session.awaitClosed(30_000);
        }
    }

    private static void phase(String name, Instant started) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; USER_HZ is 100 on Linux
        double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
        double wall = Duration.between(started, Instant.now()).toNanos() / 1e9;
        System.out.println(String.format(Locale.ROOT, "phase %s cpu %.2f wall %.3f", name, cpu, wall));
    }
}
