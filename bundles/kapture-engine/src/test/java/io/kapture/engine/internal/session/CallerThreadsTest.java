package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * work slow or stuck and checks that the caller got its thread back long before the work could have finished.
 * Bounds are seconds, far above what returning at once costs, and far below what waiting would.
 */
class CallerThreadsTest {

    /** Waiting for a stuck listener costs its grace and join time, 2.5 s; returning at once costs microseconds. */
    private static final long BOUND_MILLIS = 1_000;

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void unregisteringAListenerStuckInOnFrameReturnsAtOnce() {
        Stuck stuck = stuckInItsFirstFrame();

        long started = System.nanoTime();
        fixture.session.removeListener(stuck);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < BOUND_MILLIS, "removeListener took " + tookMillis + " ms with the listener stuck");
        fixture.source().produce(5);
        fixture.awaitCaptured(6);
        assertEquals(1, stuck.received(), "nothing delivered after it was unregistered");
        eventually(() -> fixture.stats().listeners().isEmpty());
        stuck.open();
    }

    @Test
    void closingACameraWithAStuckListenerReturnsAtOnceAndClosesTheDeviceLater() throws InterruptedException {
        Stuck stuck = stuckInItsFirstFrame();

        long started = System.nanoTime();
        fixture.session.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < BOUND_MILLIS, "close took " + tookMillis + " ms with a listener stuck");
        assertTrue(fixture.session.awaitClosed(30_000), "the control thread closed the camera");
        assertTrue(fixture.source().isClosed(), "the device was closed on the control thread");
        assertEquals(SessionState.STOPPED, fixture.session.state());
        stuck.open();
    }

    @Test
    void aProviderGoingAwayWhileTheDeviceIsSlowToStopReturnsAtOnce() {
        Stuck stuck = stuckInItsFirstFrame();

        long started = System.nanoTime();
        fixture.session.removeProvider(fixture.provider);
        fixture.session.addProvider(fixture.provider);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < BOUND_MILLIS, "unbind and bind took " + tookMillis + " ms");
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
