package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.Configuration;

import io.kapture.api.CaptureSession;
import io.kapture.api.DropPolicy;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool;
import io.kapture.api.ListenerStats;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;

/**
 * Kapture's runtime in the distribution: bundles and components come up, frames reach listeners, cameras come and
 * go with their configurations, strategies switch live, processors can be added and removed at run time, and a
 * bad configuration is refused with a message that names the field.
 *
 * <p>Tests that change things use cameras of their own and remove them, so the distribution's synthetic camera
 * stays as configured for every test. Threading contract: see {@link KaptureTestSupport}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureRuntimeIT extends KaptureTestSupport {

    private static final String STATS_BUNDLE = "io.kapture.kapture-processor-stats";
    private static final String STATS_LISTENER = "stats";

    @Test
    public void everyKaptureBundleAndComponentIsActive() {
        await("Kapture bundles active").atMost(TIMEOUT)
                .untilAsserted(() -> assertEquals(List.of(), KaptureComponents.inactiveBundles(context)));

        KaptureComponents components = new KaptureComponents(context);
        try {
            await("Kapture components active").atMost(TIMEOUT)
                    .untilAsserted(() -> assertEquals(List.of(), components.inactive()));
            assertTrue("too few Kapture components found: " + components.names(), components.names().size() >= 8);
        } finally {
            components.release();
        }
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);

        // etc/org.apache.karaf.features.xml replaces the SCR 2.2.6 of Karaf's scr feature
        Version scr = KaptureComponents.bundle(context, "org.apache.felix.scr").map(Bundle::getVersion)
                .orElseThrow(() -> new AssertionError("Felix SCR is not installed"));
        assertTrue("Felix SCR " + scr + " runs; the distribution should run 2.2.18 or later",
                scr.compareTo(new Version(2, 2, 18)) >= 0);
    }

    /**
     * JNA is optional for kapture-convert (libjpeg-turbo), and the distribution ships it: the bundle must end up
     * wired to it, or the distribution silently runs the slower fallback. (kapture-delivery no longer uses JNA: its
     * pooled copies are the JDK's, measured as fast as libc's memcpy; vivid/README.md, the warm frame.)
     */
    @Test
    public void theBundlesThatCanUseJnaAreWiredToIt() {
        for (String name : List.of("io.kapture.kapture-convert")) {
            Bundle bundle = KaptureComponents.bundle(context, name)
                    .orElseThrow(() -> new AssertionError(name + " is not installed"));
            await(name + " wired to com.sun.jna").atMost(TIMEOUT).until(() -> importsFrom(bundle, "com.sun.jna"));
        }
    }

    private static boolean importsFrom(Bundle bundle, String packageName) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring != null && wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(wire -> packageName.equals(
                        wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
    }

    @Test
    public void framesReachAListenerRegisteredByTheTest() {
        CaptureSession session = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        try (RecordingListener listener =
                RecordingListener.register(context, SYNTHETIC_CAMERA, DropPolicy.DROP_OLDEST, 8)) {
            await("10 frames").atMost(TIMEOUT).until(listener::count, count -> count >= 10);

            long previous = -1;
            for (RecordingListener.Seen frame : listener.frames()) {
                assertEquals(SYNTHETIC_CAMERA, frame.camera());
                assertEquals(640, frame.format().width());
                assertEquals(480, frame.format().height());
                assertEquals(PixelFormat.YUYV, frame.format().pixelFormat());
                assertEquals(640 * 480 * 2, frame.bytesUsed());
                assertTrue("frame " + frame.sequence() + " was not readable", frame.readable());
                assertTrue("sequence " + frame.sequence() + " after " + previous, frame.sequence() > previous);
                previous = frame.sequence();
            }
            assertEquals("pool", session.delivery());
            assertTrue(session.stats().captured() >= listener.count());
            await("the listener in the camera's statistics").atMost(TIMEOUT)
                    .until(() -> listenerStats(session, "itest-" + SYNTHETIC_CAMERA)
                            .filter(stats -> stats.delivered() > 0).isPresent());
        }
    }

    /**
     * A listener stuck in {@code onFrame} for ever, deaf to interrupts, is unregistered. SCR unbinds it on the
     * unregistering thread, and another bundle's service registered right after must find SCR free: the camera
     * winds the stuck listener down on its own control thread, not on SCR's. This camera gives a listener going
     * away 30 s ({@code listener.grace.ms}) before it interrupts it, so the wind-down cannot end before that
     * interrupt: unregistering and the next registration must both have returned while the listener was not yet
     * interrupted, which they could not have if either had waited for the wind-down. An order of events with 30 s
     * of room, not a stopwatch.
     */
    @Test
    public void aStuckListenerUnregisteredDoesNotHoldUpScrForOtherBundles() throws Exception {
        String camera = "stuckcam";
        Map<String, Object> properties = camera(320, 240, "copy");
        properties.put("device", "synthetic:" + camera);
        properties.put("listener.grace.ms", 30_000L);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        FrameListener stuck = frame -> {
            entered.countDown();
            while (gate.getCount() > 0) {
                try {
                    gate.await();
                } catch (InterruptedException deaf) {
                    // stuck for ever: an interrupt does not free it
                    interrupted.set(true);
                }
            }
        };
        Hashtable<String, Object> stuckProperties = new Hashtable<>();
        stuckProperties.put(FrameListener.CAMERA, camera);
        stuckProperties.put(FrameListener.NAME, "itest-stuck");
        stuckProperties.put(FrameListener.DELIVERY_THREAD, true);
        Configuration configuration = configureCamera(camera, properties);
        try {
            awaitSession(camera, SessionState.RUNNING);
            ServiceRegistration<FrameListener> registration = context.registerService(FrameListener.class, stuck,
                    stuckProperties);
            assertTrue("the stuck listener got a frame", entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS));

            long started = System.nanoTime();
            registration.unregister();
            long unbindMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            try (RecordingListener next = RecordingListener.register(context, camera, DropPolicy.DROP_OLDEST, 8)) {
                long registeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                boolean interruptedBefore = interrupted.get();
                System.out.printf("[scr] unregistering a stuck listener took %d ms; the next registration was done "
                        + "%d ms after it began, the listener %s interrupted by then%n", unbindMillis,
                        registeredMillis, interruptedBefore ? "already" : "not yet");
                assertFalse("unregistering the stuck listener (" + unbindMillis + " ms) and the next registration ("
                        + registeredMillis + " ms) returned only after the camera had interrupted the listener, 30 s"
                        + " into its wind-down: SCR's thread waited for it", interruptedBefore);
                // the listener returns: the wind-down ends, and the control thread subscribes the next listener
                gate.countDown();
                await("frames reach the next listener").atMost(TIMEOUT).until(next::count, count -> count >= 5);
            }
        } finally {
            gate.countDown();
            removeCamera(configuration, camera);
        }
    }

    @Test
    public void aFactoryConfigurationStartsACameraAndDeletingItStopsIt() throws IOException {
        String camera = "itcam";
        Configuration configuration = null;
        try (RecordingListener listener = RecordingListener.register(context, camera, DropPolicy.DROP_OLDEST, 8)) {
            assertFalse("camera " + camera + " exists before it is configured", session(camera).isPresent());

            configuration = configureCamera(camera, camera(320, 240, "copy"));
            CaptureSession session = awaitSession(camera, SessionState.RUNNING);
            assertEquals("synthetic", session.device());
            assertEquals("copy", session.delivery());
            await("10 frames of " + camera).atMost(TIMEOUT).until(listener::count, count -> count >= 10);
            for (RecordingListener.Seen frame : listener.frames()) {
                assertEquals(camera, frame.camera());
                assertEquals(320, frame.format().width());
                assertEquals(240, frame.format().height());
            }

            configuration.delete();
            awaitNoSession(camera);
        } finally {
            removeCamera(configuration, camera);
        }
    }

    @Test
    public void aLiveStrategySwitchKeepsTheSequenceContiguous() throws IOException {
        String camera = "switchcam";
        Map<String, Object> properties = camera(160, 120, "pool");
        // 16 driver buffers ride out half a second of a starved capture thread on a loaded machine, so that the
        // device itself does not drop frames; and BLOCK with a deep queue drops none for this listener: every
        // break in the sequence would be the switch's
        properties.put("buffers", 16);
        properties.put("fps", 30.0);
        Configuration configuration = null;
        try (RecordingListener listener = RecordingListener.register(context, camera, DropPolicy.BLOCK, 512)) {
            configuration = configureCamera(camera, properties);
            awaitSession(camera, SessionState.RUNNING);
            await("first frames").atMost(TIMEOUT).until(listener::count, count -> count >= 10);

            for (String strategy : List.of("copy", "zerocopy", "pool")) {
                properties.put("delivery", strategy);
                configuration.update(dictionary(properties));
                await("switch to " + strategy).atMost(TIMEOUT)
                        .until(() -> session(camera).map(CaptureSession::delivery).orElse(""), strategy::equals);
                int switched = listener.count();
                await("frames after the switch to " + strategy).atMost(TIMEOUT)
                        .until(listener::count, count -> count >= switched + 10);
            }
            assertEquals("sequence gaps counted by the session: "
                    + session(camera).map(session -> session.stats().sequenceGaps()).orElse(-1L),
                    "", listener.firstSequenceBreak());
            assertEquals(SessionState.RUNNING, session(camera).map(CaptureSession::state).orElse(null));
        } finally {
            removeCamera(configuration, camera);
        }
    }

    @Test
    public void aProcessorInstalledAtRunTimeReceivesFramesAndGivesThemBackWhenUninstalled() throws Exception {
        Bundle shipped = KaptureComponents.bundle(context, STATS_BUNDLE)
                .orElseThrow(() -> new AssertionError("the distribution ships " + STATS_BUNDLE));
        String location = shipped.getLocation();
        CaptureSession session = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        try {
            shipped.uninstall();
            refreshPackages();
            await("stats processor gone").atMost(TIMEOUT)
                    .until(() -> listenerStats(session, STATS_LISTENER).isEmpty());

            Bundle processor = context.installBundle(location);
            processor.start();
            await("stats processor receiving frames").atMost(TIMEOUT)
                    .until(() -> listenerStats(session, STATS_LISTENER).map(ListenerStats::delivered).orElse(0L),
                            delivered -> delivered >= 10);
            assertEquals(STATS_BUNDLE, listenerStats(session, STATS_LISTENER).map(ListenerStats::bundle).orElse(""));

            processor.uninstall();
            refreshPackages();
            await("stats processor unsubscribed").atMost(TIMEOUT)
                    .until(() -> listenerStats(session, STATS_LISTENER).isEmpty());
            FramePool pool = service(FramePool.class);
            await("pool buffers all given back").atMost(TIMEOUT).until(() -> pool.stats().outstanding() == 0);
        } finally {
            restoreBundle(STATS_BUNDLE, location);
        }
    }

    @Test
    public void aMalformedConfigurationIsRejectedWithTheFieldNamed() throws IOException {
        String camera = "badcam";
        Map<String, Object> properties = camera(320, 240, "pool");
        Configuration configuration = null;
        try {
            configuration = configureCamera(camera, properties);
            awaitSession(camera, SessionState.RUNNING);

            properties.put("width", -5);
            configuration.update(dictionary(properties));
            String error = await("the rejection").atMost(TIMEOUT)
                    .until(() -> session(camera).flatMap(CaptureSession::lastError).orElse(""),
                            message -> !message.isEmpty());
            assertTrue("lastError should name the field, its range and the value: " + error,
                    error.contains("width must be between 1 and 16384, was -5"));
        } finally {
            removeCamera(configuration, camera);
        }
    }

    /** A synthetic camera's configuration; a mutable map so that tests can change a key and update. */
    private static Map<String, Object> camera(int width, int height, String delivery) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("device", "synthetic");
        properties.put("width", width);
        properties.put("height", height);
        properties.put("pixel.format", "YUYV");
        properties.put("fps", 50.0);
        properties.put("delivery", delivery);
        return properties;
    }
}
