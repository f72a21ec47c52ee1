package io.kapture.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kapture.api.CaptureSession;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.shell.internal.testing.FakeBundleContext;
import io.kapture.shell.internal.testing.FakeCaptureSession;
import io.kapture.shell.internal.testing.FakeProvider;

/** Services are read when asked for, each got once per lookup, and all given back when it closes. */
class ServiceLookupTest {

    private final FakeCaptureSession back = new FakeCaptureSession("back", "synthetic");
    private final FakeCaptureSession front = new FakeCaptureSession("front", "/dev/video0");
    private final FakeBundleContext context = new FakeBundleContext().withSessions(front, back);

    @Test
    void readsTheCamerasAndProvidersRegisteredAtTheCall() {
        try (ServiceLookup services = new ServiceLookup(context)) {
            assertEquals(List.of("back", "front"), services.cameras().names());
            context.withSessions(new FakeCaptureSession("late", "synthetic"));
            context.withProviders(new FakeProvider("v4l2", "/dev/"));

            assertEquals(List.of("back", "front", "late"), services.cameras().names());
            assertEquals("v4l2", services.providers().get(0).type());
        }
    }

    @Test
    void getsEachServiceOnceAndGivesAllBackOnClose() {
        ServiceLookup services = new ServiceLookup(context);
        services.cameras();
        services.cameras();

        assertEquals(2, context.servicesInUse());
        services.close();
        assertEquals(0, context.servicesInUse());
    }

    @Test
    void aCameraRemovedMeanwhileIsLeftOut() {
        FakeBundleContext.Entry removed = context.registered().stream()
                .filter(entry -> entry.service == back).findFirst().orElseThrow();
        removed.unregister();

        try (ServiceLookup services = new ServiceLookup(context)) {
            assertEquals(List.of("front"), services.cameras().names());
        }
        assertEquals(0, context.servicesInUse());
    }

    @Test
    void propertiesOnlyTheRegistryKnows() {
        context.add(DeliveryStrategy.class, (buffer, delivery) -> null, Map.of(DeliveryStrategy.PROPERTY, "pool"));
        context.add(CaptureSession.class, new FakeCaptureSession("usb", "/dev/video2"),
                Map.of(CaptureSession.CAMERA, "usb", "service.pid", "io.kapture.camera~usb"));

        try (ServiceLookup services = new ServiceLookup(context)) {
            assertEquals(List.of("pool"), List.copyOf(services.deliveryStrategies()));
            assertEquals("io.kapture.camera~usb", services.configurationPid("usb").orElseThrow());
            assertEquals(0, context.servicesInUse(), "properties are read without getting the services");
        }
    }
}
