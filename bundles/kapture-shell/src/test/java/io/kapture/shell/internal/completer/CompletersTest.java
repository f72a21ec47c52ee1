package io.kapture.shell.internal.completer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Session;
import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.SessionState;
import io.kapture.api.spi.ControlInfo;
import io.kapture.api.spi.ControlInfo.Type;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.FakeProvider;
import io.kapture.shell.internal.testing.FakeSource;
import io.kapture.shell.internal.testing.TypedLine;

class CompletersTest {

    private final FakeCaptureSession front = new FakeCaptureSession("front", "/dev/video0");
    private final FakeCaptureSession back = new FakeCaptureSession("back", "synthetic");
    private final FakeProvider v4l2 = new FakeProvider("v4l2", "/dev/");

    @Test
    void camerasCompleteFromTheSessions() {
        CameraCompleter completer = new CameraCompleter();
        completer.context = new FakeBundleContext().withSessions(front, back);
        assertEquals(List.of("back", "front"), complete(completer::complete, "kapture:start", ""));
        assertEquals(List.of("front"), complete(completer::complete, "kapture:start", "fr"));
    }

    @Test
    void devicesCompleteWithStableNamesAndCameras() {
        v4l2.add("/dev/video0", "USB Camera");
        FakeProvider broken = new FakeProvider("broken", "broken:");
        broken.listFailure = new IllegalStateException("cannot list");
        DeviceCompleter completer = new DeviceCompleter();
        completer.context = new FakeBundleContext().withProviders(v4l2, broken).withSessions(front, back);
        assertEquals(List.of("/dev/video0", "back", "front"), complete(completer::complete, "kapture:formats", ""));
        assertEquals(List.of("/dev/video0"), complete(completer::complete, "kapture:formats", "/dev/v"));
    }

    @Test
    void strategiesCompleteFromTheRegisteredStrategies() {
        FakeBundleContext context = new FakeBundleContext();
        for (String name : List.of("zerocopy", "copy", "pool")) {
            context.add(DeliveryStrategy.class, new NoStrategy(), Map.of(DeliveryStrategy.PROPERTY, name));
        }
        StrategyCompleter completer = new StrategyCompleter();
        completer.context = context;
        assertEquals(List.of("copy", "pool", "zerocopy"), complete(completer::complete, "kapture:strategy",
                "cam0", ""));
        assertEquals(List.of("zerocopy"), complete(completer::complete, "kapture:strategy", "cam0", "z"));
    }

    @Test
    void controlNamesCompleteForTheDeviceOrCameraTypedFirst() {
        v4l2.add("/dev/video0", "USB Camera")
                .control(new ControlInfo("brightness", Type.INTEGER, 0, 255, 1, 128, 128, Map.of()))
                .control(new ControlInfo("contrast", Type.INTEGER, 0, 255, 1, 128, 128, Map.of()));
        ControlNameCompleter completer = new ControlNameCompleter();
        completer.context = new FakeBundleContext().withProviders(v4l2).withSessions(front);
        assertEquals(List.of("brightness", "contrast"), complete(completer::complete, "kapture:control", "front", ""));
        assertEquals(List.of("contrast"), complete(completer::complete, "kapture:control", "/dev/video0", "co"));
        assertTrue(v4l2.allClosed());
        assertEquals(2, v4l2.opened.size());
    }

    @Test
    void controlNamesOfARunningCameraCompleteThroughItsSession() {
        FakeSource device = v4l2.add("/dev/video0", "USB Camera")
                .control(new ControlInfo("exposure", Type.INTEGER, 1, 5000, 1, 100, 100, Map.of()));
        front.state = SessionState.RUNNING;
        front.openSource = device;
        ControlNameCompleter completer = new ControlNameCompleter();
        completer.context = new FakeBundleContext().withProviders(v4l2).withSessions(front);
        assertEquals(List.of("exposure"), complete(completer::complete, "kapture:control", "front", ""));
        assertEquals(List.of(), v4l2.opened);
        assertEquals(1, front.controlCalls.get());
    }

    @Test
    void controlNamesOfAnUnknownOrMissingDeviceCompleteToNothing() {
        ControlNameCompleter completer = new ControlNameCompleter();
        completer.context = new FakeBundleContext().withProviders(v4l2);
        assertEquals(List.of(), complete(completer::complete, "kapture:control", "/dev/video9", ""));
        assertEquals(List.of(), complete(completer::complete, "kapture:control", ""));
    }

    private interface CompleterCall {
        int complete(Session session, CommandLine line, List<String> candidates);
    }

    private static List<String> complete(CompleterCall completer, String... words) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, TypedLine.of(words), candidates);
        return candidates.stream().map(String::trim).sorted().toList();
    }

    /** Registered only for its service property. */
    private static final class NoStrategy implements DeliveryStrategy {
        @Override
        public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
            throw new UnsupportedOperationException("the shell never delivers");
        }
    }
}
