package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FrameListener;
import io.kapture.api.SessionState;

/**
 * The threads that tell a session about changes — SCR's bind, unbind and deactivate threads above all — never
 * wait for a device or a listener: the session does that work on its own control thread. Each test makes the
 * work stuck, holds the control thread in a task of its own, and makes the call on a thread of its own: a call
 * that waited for any of the session's work would wait for the held control thread, that is for ever, so it
 * must have returned while the control thread is still held. The bound on that wait only turns such a hang
 * into a failure; it is no measure of speed.
 */
class CallerThreadsTest {

    /** How long a call may take before it counts as waiting for the held control thread. */
    private static final Duration HANG = Duration.ofSeconds(30);

    private final SessionFixture fixture = new SessionFixture().withServices();

    private final CountDownLatch releaseControl = new CountDownLatch(1);

    @AfterEach
    void close() {
        releaseControl.countDown();
        fixture.close();
    }

    @Test
    void unregisteringAListenerStuckInOnFrameReturnsAtOnce() {
        Stuck stuck = stuckInItsFirstFrame();

        returnsWhileTheControlThreadIsHeld("removeListener", () -> fixture.session.removeListener(stuck));

        releaseControl.countDown();
        fixture.source().produce(5);
        fixture.awaitCaptured(6);
        assertEquals(1, stuck.received(), "nothing delivered after it was unregistered");
        eventually(() -> fixture.stats().listeners().isEmpty());
        stuck.open();
    }

    @Test
    void closingACameraWithAStuckListenerReturnsAtOnceAndClosesTheDeviceLater() throws InterruptedException {
        Stuck stuck = stuckInItsFirstFrame();

        returnsWhileTheControlThreadIsHeld("close", fixture.session::close);

        releaseControl.countDown();
        assertTrue(fixture.session.awaitClosed(30_000), "the control thread closed the camera");
        assertTrue(fixture.source().isClosed(), "the device was closed on the control thread");
        assertEquals(SessionState.STOPPED, fixture.session.state());
        stuck.open();
    }

    @Test
    void aProviderGoingAwayWhileTheDeviceIsSlowToStopReturnsAtOnce() {
        Stuck stuck = stuckInItsFirstFrame();

        returnsWhileTheControlThreadIsHeld("removeProvider and addProvider", () -> {
            fixture.session.removeProvider(fixture.provider);
            fixture.session.addProvider(fixture.provider);
        });

        releaseControl.countDown();
        fixture.session.awaitSettled();
        assertEquals(SessionState.RUNNING, fixture.session.state(), "stopped, then started again on the control thread");
        assertEquals(2, fixture.provider.openAttempts());
        stuck.open();
    }

    /**
     * The session is registered as a service the moment it is configured, before its control thread has applied
     * the configuration: whoever binds it then (JMX, the web preview, MQTT) must already see its name and device.
     */
    @Test
    void aFreshlyConfiguredSessionKnowsItsNameAtOnce() {
        CaptureSessionImpl session = new CaptureSessionImpl();
        try {
            session.configure(Map.of("service.pid", "io.kapture.camera~early", "device", "fake7"));
            assertEquals("early", session.camera());
            assertEquals("fake7", session.device());
        } finally {
            session.close();
        }
    }

    /**
     * Whoever is told that a configuration was decided (the camera component, which then publishes the service's
     * properties) already sees the verdict: a refused value's message is in {@code lastError()} by then.
     */
    @Test
    void theVerdictOnAConfigurationIsThereWhenItsDecisionIsAnnounced() {
        fixture.running();
        AtomicReference<Optional<String>> seen = new AtomicReference<>();
        Map<String, Object> bad = new HashMap<>(Map.of("service.pid", "io.kapture.camera~" + SessionFixture.CAMERA,
                "device", "fake0", "width", -5));

        fixture.session.configure(bad, () -> seen.set(fixture.session.lastError()));
        fixture.session.awaitSettled();

        assertTrue(seen.get().orElse("").contains("width"), "the refusal was there first: " + seen.get());
        assertEquals(SessionState.RUNNING, fixture.session.state(), "kept its configuration");
    }

    /**
     * Holds the control thread in a task until {@link #releaseControl} opens, then makes {@code call} on a thread
     * of its own, as SCR would, and asserts that it returned while the control thread was still held.
     */
    private void returnsWhileTheControlThreadIsHeld(String what, Runnable call) {
        CountDownLatch held = new CountDownLatch(1);
        fixture.reconfigureThen(() -> {
            held.countDown();
            awaitUninterruptibly(releaseControl);
        });
        eventually(() -> held.getCount() == 0);
        Thread caller = new Thread(call, "caller-" + what);
        caller.setDaemon(true);
        caller.start();

        await(what + " returning while the control thread is held").atMost(HANG).pollInterval(Duration.ofMillis(5))
                .until(() -> !caller.isAlive());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A running camera whose one listener is stuck in its first frame. */
    private Stuck stuckInItsFirstFrame() {
        Stuck stuck = fixture.listen(new Stuck(), "stuck");
        fixture.running();
        fixture.source().produce(1);
        stuck.awaitBlocked();
        return stuck;
    }

    /** Stuck in its first {@code onFrame}, deaf to interrupts, until {@link #open}; counts what it received. */
    private static final class Stuck implements FrameListener {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        private final AtomicInteger received = new AtomicInteger();

        @Override
        public void onFrame(Frame frame) {
            received.incrementAndGet();
            entered.countDown();
            boolean interrupted = false;
            while (gate.getCount() > 0) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        int received() {
            return received.get();
        }

        void awaitBlocked() {
            try {
                assertTrue(entered.await(10, TimeUnit.SECONDS), "the listener got its first frame");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        void open() {
            gate.countDown();
        }
    }
}
