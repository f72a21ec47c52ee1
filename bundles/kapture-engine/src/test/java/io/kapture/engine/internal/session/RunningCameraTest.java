package io.kapture.engine.internal.session;

import static io.kapture.engine.internal.session.SessionFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureStats;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.api.spi.ControlInfo;
import io.kapture.engine.internal.fakes.FakeSource;

/**
 * What the management view tells and does for a running camera: the format adjustments, the controls of its
 * open device, and the start time and restart count of its stream.
 */
class RunningCameraTest {

    private final SessionFixture fixture = new SessionFixture().withServices();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void adjustmentsOfTheRunningStreamAreShownUntilItStops() {
        fixture.running("width", 20);

        assertEquals(FrameFormat.of(16, 4, PixelFormat.GREY), fixture.session.format().orElseThrow());
        assertEquals(List.of("width 20 rounded to 16, a multiple of 8"), fixture.session.adjustments());

        fixture.configure("width", 24);
        assertEquals(List.of(), fixture.session.adjustments(), "24 is what was asked for");
        fixture.configure("width", 30);
        assertEquals(List.of("width 30 rounded to 24, a multiple of 8"), fixture.session.adjustments());
        fixture.session.stop();
        assertEquals(List.of(), fixture.session.adjustments());
    }

    @Test
    void controlsOfTheRunningCameraAreReadAndSetOnItsOpenSource() {
        fixture.running();
        FakeSource source = fixture.source();

        List<ControlInfo> controls = fixture.session.controls();
        fixture.session.control(FakeSource.BRIGHTNESS, 77);

        assertEquals(List.of(FakeSource.BRIGHTNESS), controls.stream().map(ControlInfo::name).toList());
        assertEquals(0, controls.get(0).value());
        assertEquals(77, source.control(FakeSource.BRIGHTNESS));
        assertEquals(77, fixture.session.control(FakeSource.BRIGHTNESS));
        assertEquals(77, fixture.session.controls().get(0).value());
        assertEquals(1, fixture.provider.openAttempts(), "the device is not opened a second time");
        assertEquals(SessionState.RUNNING, fixture.session.state());
    }

    @Test
    void anUnknownControlIsTheSourcesIllegalArgument() {
        fixture.running();

        IllegalArgumentException read = assertThrows(IllegalArgumentException.class,
                () -> fixture.session.control("zoom"));
        IllegalArgumentException write = assertThrows(IllegalArgumentException.class,
                () -> fixture.session.control("zoom", 3));

        assertEquals("no control 'zoom'; controls: brightness", read.getMessage());
        assertEquals("no control 'zoom'; controls: brightness", write.getMessage());
    }

    @Test
    void controlsOfACameraThatDoesNotRunAreRefusedNamingItsState() {
        fixture.running();
        fixture.session.stop();

        IllegalStateException stopped = assertThrows(IllegalStateException.class, fixture.session::controls);
        assertEquals("camera cam0 is not running; it is STOPPED", stopped.getMessage());
        assertThrows(IllegalStateException.class, () -> fixture.session.control(FakeSource.BRIGHTNESS));
        assertThrows(IllegalStateException.class, () -> fixture.session.control(FakeSource.BRIGHTNESS, 1));

        fixture.session.removeProvider(fixture.provider);

        fixture.session.awaitSettled();
        fixture.session.start();
        IllegalStateException waiting = assertThrows(IllegalStateException.class,
                () -> fixture.session.control(FakeSource.BRIGHTNESS, 1));
        assertEquals("camera cam0 is not running; it is WAITING", waiting.getMessage());
        assertEquals(0, fixture.source().controlsAfterClose());
    }

    @Test
    void aControlCallAfterItsStreamStoppedNeverReachesTheClosedSource() {
        FakeSource source = (FakeSource) fixture.provider.open("fake0", Map.of());
        StreamContext context = new StreamContext("cam0", FrameFormat.of(16, 4, PixelFormat.GREY), source, 4,
                new StreamCounters());
        AtomicInteger calls = new AtomicInteger();
        long brightness = context.onSource(open -> open.control(FakeSource.BRIGHTNESS));
        assertEquals(0, brightness);

        context.shutdown();
        source.close();

        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> context.onSource(closed -> calls.incrementAndGet()));
        assertEquals("camera cam0 stopped", stopped.getMessage());
        assertEquals(0, calls.get());
        assertEquals(0, source.controlsAfterClose());
    }

    @Test
    void controlCallsRacingStopsEitherWorkOrSayTheCameraStopped() throws InterruptedException {
        fixture.running();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger succeeded = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        Thread shell = new Thread(() -> {
            while (!done.get()) {
                try {
                    fixture.session.control(FakeSource.BRIGHTNESS, succeeded.get());
                    fixture.session.control(FakeSource.BRIGHTNESS);
                    succeeded.incrementAndGet();
                } catch (IllegalStateException expected) {
                    // stopped between two calls, or not running at all right now
                } catch (RuntimeException e) {
                    unexpected.add(e);
                }
            }
        }, "test-shell");
        shell.start();
        try {
            for (int cycle = 0; cycle < 20; cycle++) {
                int before = succeeded.get();
                eventually(() -> succeeded.get() > before || !shell.isAlive());
                fixture.session.stop();
                fixture.session.start();
            }
        } finally {
            done.set(true);
            shell.join(10_000);
        }

        assertEquals(List.of(), new ArrayList<>(unexpected));
        assertEquals(21, fixture.provider.opened().size());
        assertEquals(0, fixture.provider.opened().stream().mapToInt(FakeSource::controlsAfterClose).sum());
    }

    @Test
    void statsTellWhenTheStreamStartedAndHowOftenItRestarted() {
        fixture.configure("enabled", false);
        assertEquals(0, fixture.stats().startedAtMillis(), "never started");
        assertEquals(0, fixture.stats().restarts());

        long beforeStart = System.currentTimeMillis();
        fixture.running("enabled", true);
        long afterStart = System.currentTimeMillis();
        CaptureStats first = fixture.stats();
        fixture.source().produce(3);
        fixture.awaitCaptured(3);

        assertEquals(0, first.restarts());
        assertTrue(first.startedAtMillis() >= beforeStart && first.startedAtMillis() <= afterStart,
                first.startedAtMillis() + " not within " + beforeStart + ".." + afterStart);

        fixture.configure("width", 32);

        CaptureStats second = fixture.stats();
        assertEquals(SessionState.RUNNING, fixture.session.state());
        assertEquals(2, fixture.provider.opened().size());
        assertEquals(1, second.restarts());
        assertEquals(0, second.captured(), "the counters cover the new stream");
        assertTrue(second.startedAtMillis() >= first.startedAtMillis());

        fixture.session.stop();
        assertEquals(1, fixture.stats().restarts(), "a stopped camera keeps its last stream's figures");
        assertEquals(second.startedAtMillis(), fixture.stats().startedAtMillis());
        fixture.session.start();
        assertEquals(2, fixture.stats().restarts());
    }
}
