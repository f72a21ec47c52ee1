package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * buffers back (a replaced one once its frames are released, the last one once the cameras stop), and the JVM's descriptors, mappings, direct memory and threads must be
 * back near where they were after warm-up.
 *
 * <p>The API bundle is only stopped and started: this test's own probe bundle imports it, so updating or
 * refreshing it would restart the test itself (for the other bundles, that is what their own refresh does).
 *
 * <p>Allowances, for what the JVM itself does: 4 descriptors (class-path jars the JVM opens lazily), 128
 * mappings (code cache, metaspace and malloc arenas grow in steps as new bundle revisions load classes), 4 MiB of
 * direct memory (NIO's per-thread temporary buffers), 8 threads (pool threads of Karaf and the JVM). A leak per
 * bundle cycle (48 of them) would exceed each of these. The direct memory the serving frame pool keeps for reuse
 * is left out of that check: it is bounded by the pool's budget and grows with the most frames out at once.
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

    private final List<LoadSubscriber> subscribers = new ArrayList<>();
    private final List<String> poolsRetired = new ArrayList<>();
    private FramePool pool;

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
            ProcessResources start = ProcessResources.now().besidesPooled(pooledBytes());
            System.out.println("[lifecycle] after warm-up: " + start + ", pool holding " + pooledBytes() + " B");

            List<String> steps = new ArrayList<>();
            for (String name : KaptureComponents.EXPECTED_BUNDLES) {
                steps.add(cycle(name, "stop/start", this::stopStart));
                if (!name.equals(API_BUNDLE)) {
                    steps.add(cycle(name, "update", this::update));
                    steps.add(cycle(name, "refresh", this::refresh));
                }
            }
            steps.forEach(step -> System.out.println("[lifecycle] " + step));

            long bad = subscribers.stream().mapToLong(LoadSubscriber::bad).sum();
            assertEquals("frames with a wrong camera or length", 0, bad);
            try {
                notePool();
                await("process figures back near the start (" + start + ")").atMost(TIMEOUT)
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> ProcessResources.now().besidesPooled(pooledBytes()),
                                now -> now.within(start, 4, 128, 4L << 20, 8));
            } catch (RuntimeException leak) {
                ProcessResources now = ProcessResources.now();
                throw new AssertionError(leak.getMessage() + "; pool holding " + pooledBytes() + " B; threads "
                        + "added since the start: " + now.moreThreadsThan(start), leak);
            }
            ProcessResources end = ProcessResources.now().besidesPooled(pooledBytes());
            System.out.println("[lifecycle] after " + steps.size() + " steps under load: " + end + " (start: "
                    + start + ")");
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

    /** One step on one bundle, then waits until everything streams again; returns a line about it. */
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
        return String.format("%-38s %-10s streaming again after %5d ms, %7d frames delivered meanwhile",
                symbolicName, what, (System.nanoTime() - began) / 1_000_000, totalFrames() - before);
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
