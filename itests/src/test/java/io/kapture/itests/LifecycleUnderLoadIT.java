package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;

import io.kapture.api.CaptureSession;
import io.kapture.api.DropPolicy;
import io.kapture.api.FramePool;
import io.kapture.api.SessionState;

/**
 * Redeploys under load: four synthetic cameras stream 320x240 at 500 fps (pool, zero-copy, copy and pool
 * delivery) to four subscribers each, while every Kapture bundle in turn is stopped and started, updated and
 * refreshed. After each step every bundle must be active again and every camera streaming to every subscriber;
 * at the end no subscriber may have seen a wrong frame, every frame pool that ever served must have all its
 * buffers back (a replaced one once its frames are released, the last one once the cameras stop), and the JVM's
 * descriptors, mappings, direct memory and threads must be back near where they were after warm-up.
 *
 * <p>The API bundle is only stopped and started: this test's own probe bundle imports it, so updating or
 * refreshing it would restart the test itself (for the other bundles, that is what their own refresh does).
 *
 * <p>Allowances, for what the JVM itself does: 4 descriptors (class-path jars the JVM opens lazily), 128
 * mappings (code cache, metaspace and malloc arenas grow in steps as new bundle revisions load classes), 4 MiB of
 * direct memory (NIO's per-thread temporary buffers), 8 threads (pool threads of Karaf and the JVM). A leak per
 * bundle cycle (48 of them) would exceed each of these. The direct memory the serving frame pool keeps for reuse
 * is left out of that check: it is bounded by the pool's budget and grows with the most frames out at once; so
 * are threads that come and go by design ({@link #TRANSIENT_THREAD}). When a figure does not come back, the
 * failure names it and the threads there are more of, by name, and the output (failsafe's
 * {@code LifecycleUnderLoadIT-output.txt}) has each step's thread changes and the stacks of the grown threads.
 *
 * <p>Threading contract: see {@link KaptureTestSupport}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LifecycleUnderLoadIT extends KaptureTestSupport {

    private static final int CAMERAS = 4;
    private static final int SUBSCRIBERS = 4;
    private static final List<String> DELIVERIES = List.of("pool", "zerocopy", "copy", "pool");
    private static final String API_BUNDLE = "io.kapture.kapture-api";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);
    private static final ProcessResources.Allowance ALLOWANCE = new ProcessResources.Allowance(4, 128, 4L << 20, 8);
    /**
     * Threads left out of the thread count, at the start and at the end, because they come and go by design and
     * would only blur it (each seen at the start and gone at the end of passing runs): a camera's control thread
     * ({@code kapture-control-}, ended after 10 idle seconds, so the start has one per camera, which the warm-up
     * just used, and the end none), kapture-jmx's refresher ({@code kapture-jmx-listeners}, 5 idle seconds), the
     * Felix resolver's pool ({@code FelixResolver-#}, at most one per core, busy at each refresh, then ended), the
     * JDK's {@code process reaper} (one per child process running, kept 60 s after), the JVM's RMI connection
     * threads that carry Pax Exam's call into the container (the test runs on one; idle ones end after RMI's 60 s
     * keep-alive) and Awaitility's poller, which lives as long as the wait that checks these figures. Every other
     * thread, Kapture's or a library's, counts.
     */
    private static final Predicate<String> TRANSIENT_THREAD = name -> name.startsWith("kapture-control-")
            || name.equals("kapture-jmx-listeners") || name.startsWith("FelixResolver-")
            || name.equals("process reaper") || name.startsWith("RMI TCP Connection(")
            || name.startsWith("awaitility[");

    private final List<LoadSubscriber> subscribers = new ArrayList<>();
    private final List<String> poolsRetired = new ArrayList<>();
    private FramePool pool;
    /** The figures after warm-up, once taken: each step's line then says how the threads changed since. */
    private ProcessResources start;

    @Test
    public void everyKaptureBundleCyclesUnderLoadAndNothingLeaks() throws Exception {
        List<Configuration> cameras = new ArrayList<>();
        try {
            for (int c = 0; c < CAMERAS; c++) {
                cameras.add(configureCamera(camera(c), cameraProperties(c)));
                for (int s = 0; s < SUBSCRIBERS; s++) {
                    subscribers.add(LoadSubscriber.register(context, camera(c), "load-" + s,
                            s % 2 == 0 ? DropPolicy.DROP_OLDEST : DropPolicy.BLOCK, 8));
                }
            }
            awaitStreaming("start");
            cycle(API_BUNDLE, "warm-up stop/start", this::stopStart);
            notePool();
            start = ProcessResources.now().besidesPooled(pooledBytes()).besidesThreads(TRANSIENT_THREAD);
            System.out.println("[lifecycle] after warm-up: " + start + ", pool holding " + pooledBytes()
                    + " B; threads by name: " + start.threadNames());

            List<String> steps = new ArrayList<>();
            for (String name : KaptureComponents.EXPECTED_BUNDLES) {
                steps.add(cycle(name, "stop/start", this::stopStart));
                if (!name.equals(API_BUNDLE)) {
                    steps.add(cycle(name, "update", this::update));
                    steps.add(cycle(name, "refresh", this::refresh));
                }
            }

            long bad = subscribers.stream().mapToLong(LoadSubscriber::bad).sum();
            assertEquals("frames with a wrong camera or length", 0, bad);
            notePool();
            ProcessResources end = awaitResourcesBack();
            System.out.println("[lifecycle] after " + steps.size() + " steps under load: " + end + " (start: "
                    + start + "); threads by name: " + end.threadChangesSince(start));
        } finally {
            subscribers.forEach(LoadSubscriber::close);
            for (int c = 0; c < cameras.size(); c++) {
                removeCamera(cameras.get(c), camera(c));
            }
        }
        CaptureSession synthetic = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        synthetic.stop();
        try {
            notePool();
            FramePool last = pool;
            await("the frame pool has its buffers back once every camera stopped").atMost(TIMEOUT)
                    .until(() -> last.stats().outstanding() == 0);
            poolsRetired.forEach(line -> System.out.println("[lifecycle] " + line));
            System.out.println("[lifecycle] pool serving at the end, cameras stopped: " + last.stats());
        } finally {
            synthetic.start();
        }
    }

    /**
     * Waits until descriptors, mappings, direct memory and threads are back within {@link #ALLOWANCE} of the
     * start, and returns the figures then. If they do not come back, the failure says what grew: each figure over
     * its allowance and the threads by name pattern, with how many more or fewer there are. That text is also
     * printed, with the state and stack top of every thread of a pattern that grew (the failsafe report's output
     * keeps it), and the error carries no cause: Pax Exam would report the time-out's own message instead.
     */
    private ProcessResources awaitResourcesBack() {
        try {
            return await("process figures back near the start (" + start + ")").atMost(TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> ProcessResources.now().besidesPooled(pooledBytes()).besidesThreads(TRANSIENT_THREAD),
                            now -> now.within(start, ALLOWANCE));
        } catch (RuntimeException timeout) { // awaitility's type, seen through another class loader than the probe's
            ProcessResources now = ProcessResources.now().besidesPooled(pooledBytes()).besidesThreads(TRANSIENT_THREAD);
            String growth = "after " + TIMEOUT.toSeconds() + " s, still above the start: " + now.excessOver(start,
                    ALLOWANCE) + "; threads by name: " + now.threadChangesSince(start) + "; pool holding "
                    + pooledBytes() + " B; start: " + start + ", now: " + now;
            System.out.println("[lifecycle] LEAK " + growth);
            System.out.println("[lifecycle] threads of the patterns that grew:\n"
                    + ProcessResources.describeThreads(now.grownThreadPatterns(start), 12));
            throw new AssertionError(growth);
        }
    }

    /** One step on one bundle, then waits until everything streams again; prints and returns a line about it. */
    private String cycle(String symbolicName, String what, BundleStep step) throws Exception {
        notePool();
        Bundle bundle = KaptureComponents.bundle(context, symbolicName)
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
        long before = totalFrames();
        long began = System.nanoTime();
        step.apply(bundle);
        await(symbolicName + " " + what + ": Kapture bundles active").atMost(STEP_TIMEOUT)
                .untilAsserted(() -> assertEquals(List.of(), KaptureComponents.inactiveBundles(context)));
        awaitStreaming(symbolicName + " " + what);
        notePool();
        String line = String.format("%-38s %-10s streaming again after %5d ms, %7d frames delivered meanwhile%s",
                symbolicName, what, (System.nanoTime() - began) / 1_000_000, totalFrames() - before,
                start == null ? "" : "; threads " + ProcessResources.threadsOnly().besidesThreads(TRANSIENT_THREAD)
                        .threadChangesSince(start));
        System.out.println("[lifecycle] " + line);
        return line;
    }

    private void stopStart(Bundle bundle) throws BundleException {
        bundle.stop();
        bundle.start();
    }

    private void update(Bundle bundle) throws BundleException {
        bundle.update();
        refresh(bundle);
    }

    private void refresh(Bundle bundle) {
        AtomicBoolean refreshed = new AtomicBoolean();
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.set(true);
            }
        });
        await("refresh of " + bundle.getSymbolicName()).atMost(STEP_TIMEOUT).untilTrue(refreshed);
    }

    /** Waits until every camera runs and every subscriber has had 25 more frames. */
    private void awaitStreaming(String after) {
        for (int c = 0; c < CAMERAS; c++) {
            awaitSession(camera(c), SessionState.RUNNING);
        }
        Map<LoadSubscriber, Long> marks = new HashMap<>();
        subscribers.forEach(subscriber -> marks.put(subscriber, subscriber.frames()));
        await("every subscriber gets frames after " + after).atMost(STEP_TIMEOUT).until(() -> subscribers.stream()
                .allMatch(subscriber -> subscriber.frames() >= marks.get(subscriber) + 25));
    }

    /**
     * Notes the frame pool service now registered. When it is a new one (its bundle cycled), the one before must
     * get every buffer back, as the frames it lent are released; then it is let go, so that its memory can be
     * collected (holding it would keep its free buffers' direct memory).
     */
    private void notePool() {
        ServiceReference<FramePool> reference = context.getServiceReference(FramePool.class);
        FramePool now = reference == null ? null : context.getService(reference);
        if (reference != null) {
            context.ungetService(reference);
        }
        if (now == null || now == pool) {
            return;
        }
        FramePool retired = pool;
        if (retired != null) {
            await("the replaced frame pool gets its buffers back").atMost(STEP_TIMEOUT)
                    .until(() -> retired.stats().outstanding() == 0);
            poolsRetired.add("replaced frame pool, all buffers back: " + retired.stats());
        }
        pool = now;
    }

    /**
     * Direct memory the serving frame pool keeps for reuse, free or lent out: bounded by its budget and kept on
     * purpose, so it is no leak; how much of it there is depends on how many frames were out at once, which the
     * bundle cycles drive up at moments, so the direct-memory check leaves it out. The pool's own accounting is
     * checked apart (every buffer back).
     */
    private long pooledBytes() {
        return pool == null ? 0 : pool.stats().bytesHeld();
    }

    private long totalFrames() {
        return subscribers.stream().mapToLong(LoadSubscriber::frames).sum();
    }

    private static String camera(int index) {
        return "load" + index;
    }

    private static Map<String, Object> cameraProperties(int index) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("device", "synthetic:load" + index);
        properties.put("width", 320);
        properties.put("height", 240);
        properties.put("pixel.format", "YUYV");
        properties.put("fps", 500.0);
        properties.put("buffers", 8);
        properties.put("delivery", DELIVERIES.get(index));
        properties.put("queue.capacity", 8);
        properties.put("retry.interval.ms", 100L);
        return properties;
    }

    /** One thing done to a bundle. */
    @FunctionalInterface
    private interface BundleStep {
        void apply(Bundle bundle) throws BundleException;
    }
}
