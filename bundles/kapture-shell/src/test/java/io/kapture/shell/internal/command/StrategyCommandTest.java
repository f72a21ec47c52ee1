package io.kapture.shell.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureSession;
import io.kapture.api.Frame;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;
import io.kapture.shell.internal.testing.Console;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.Failures;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.FakeConfigurationAdmin;
import io.kapture.shell.internal.testing.FakeConfigurationAdmin.FakeConfiguration;

/** kapture:strategy against a fake registry and Configuration Admin. */
class StrategyCommandTest {

    private final FakeBundleContext context = new FakeBundleContext();
    private final FakeConfigurationAdmin configurationAdmin = new FakeConfigurationAdmin();
    private final FakeCaptureSession cam0 = new FakeCaptureSession("cam0", "synthetic");
    private final FakeCaptureSession renamed = new FakeCaptureSession("front", "/dev/video0");
    private FakeConfiguration cam0Configuration;
    private FakeConfiguration renamedConfiguration;

    @BeforeEach
    void registry() {
        for (String name : List.of("pool", "copy", "zerocopy")) {
            context.add(DeliveryStrategy.class, new NoStrategy(), Map.of(DeliveryStrategy.PROPERTY, name));
        }
        context.add(CaptureSession.class, cam0, Map.of(CaptureSession.CAMERA, "cam0", "service.pid",
                "io.kapture.camera~cam0"));
        context.withSessions(renamed);
        Hashtable<String, Object> cam0Properties = new Hashtable<>();
        cam0Properties.put("device", "synthetic");
        cam0Properties.put("delivery", "pool");
        cam0Configuration = configurationAdmin.addFactoryConfiguration("io.kapture.camera", "cam0", cam0Properties);
        Hashtable<String, Object> renamedProperties = new Hashtable<>();
        renamedProperties.put("name", "front");
        renamedProperties.put("device", "/dev/video0");
        renamedConfiguration = configurationAdmin.addFactoryConfiguration("io.kapture.camera", "usb",
                renamedProperties);
    }

    @Test
    void showsTheStrategyTheEngineDeliversWithInsteadAndWhy() throws Exception {
        cam0.delivery = "zerocopy";
        cam0.effectiveDelivery = "pool";
        cam0.deliveryFallback = "delivering with pool instead of zerocopy: /dev/video20 is a v4l2loopback device";
        try (Console console = Console.capture()) {
            strategy("cam0", null).execute();
            assertEquals("cam0 delivers with pool (configured zerocopy). Registered strategies: copy, pool, zerocopy"
                    + System.lineSeparator() + "cam0: delivering with pool instead of zerocopy: /dev/video20 is a "
                    + "v4l2loopback device", console.out().trim());
        }
    }

    @Test
    void showsTheStrategyInUseAndTheRegisteredOnes() throws Exception {
        try (Console console = Console.capture()) {
            strategy("cam0", null).execute();
            assertEquals("cam0 delivers with pool. Registered strategies: copy, pool, zerocopy", console.out().trim());
        }
        assertEquals(0, cam0Configuration.updates);
    }

    @Test
    void switchWritesDeliveryIntoTheSessionsConfigurationKeepingTheRest() throws Exception {
        try (Console console = Console.capture()) {
            strategy("cam0", "zerocopy").execute();
            assertEquals("cam0: delivery pool -> zerocopy (configuration io.kapture.camera~cam0 updated)",
                    console.out().trim());
            assertEquals("", console.err());
        }
        assertEquals(1, cam0Configuration.updates);
        assertEquals("zerocopy", cam0Configuration.getProperties().get("delivery"));
        assertEquals("synthetic", cam0Configuration.getProperties().get("device"));
        assertEquals(0, renamedConfiguration.updates);
    }

    @Test
    void switchFindsAConfigurationByItsNameWhenTheServiceHasNoPid() throws Exception {
        renamed.delivery = "copy";
        try (Console console = Console.capture()) {
            strategy("front", "pool").execute();
            assertEquals("front: delivery copy -> pool (configuration io.kapture.camera~usb updated)",
                    console.out().trim());
        }
        assertEquals("pool", renamedConfiguration.getProperties().get("delivery"));
        assertEquals(0, cam0Configuration.updates);
    }

    @Test
    void switchingToTheConfiguredStrategyLeavesTheConfigurationAlone() throws Exception {
        try (Console console = Console.capture()) {
            strategy("cam0", "pool").execute();
            assertEquals("cam0 is already configured to deliver with pool (configuration io.kapture.camera~cam0 "
                    + "unchanged)", console.out().trim());
        }
        assertEquals(0, cam0Configuration.updates);
    }

    @Test
    void unknownStrategyListsTheRegisteredOnesAndChangesNothing() throws Exception {
        try (Console console = Console.capture()) {
            assertEquals("Unknown delivery strategy 'turbo'. Registered strategies: copy, pool, zerocopy",
                    Failures.message(strategy("cam0", "turbo")));
            assertEquals("", console.out());
        }
        assertEquals(0, cam0Configuration.updates);
    }

    @Test
    void missingConfigurationIsOneLine() throws Exception {
        configurationAdmin.configurations.clear();
        try (Console console = Console.capture()) {
            assertEquals("No configuration found for camera 'cam0' (factory PID io.kapture.camera); it may have been "
                    + "deleted meanwhile.", Failures.message(strategy("cam0", "copy")));
        }
    }

    @Test
    void missingConfigurationAdminIsOneLine() throws Exception {
        StrategyCommand command = strategy("cam0", "copy");
        command.configurationAdmin = null;
        try (Console console = Console.capture()) {
            assertEquals("Configuration Admin is not available, so camera configurations cannot be changed; install "
                    + "the 'config' feature.", Failures.message(command));
        }
    }

    private StrategyCommand strategy(String camera, String name) {
        StrategyCommand command = new StrategyCommand();
        command.camera = camera;
        command.strategy = name;
        command.context = context;
        command.configurationAdmin = configurationAdmin;
        return command;
    }

    /** Registered only for its service property; the shell never calls a strategy. */
    private static final class NoStrategy implements DeliveryStrategy {
        @Override
        public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
            throw new UnsupportedOperationException("the shell never delivers");
        }
    }
}
