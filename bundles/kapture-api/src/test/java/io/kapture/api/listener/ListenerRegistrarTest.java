package io.kapture.api.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.kapture.api.FrameListener;
import io.kapture.api.listener.ListenerRegistrar.Registration;

/** Subscription properties as the engine reads them, and registrations that are taken back once. */
class ListenerRegistrarTest {

    private final List<Object> registered = new ArrayList<>();
    private final List<Dictionary<?, ?>> registeredProperties = new ArrayList<>();
    private final AtomicInteger unregistrations = new AtomicInteger();
    private boolean bundleStopped;

    @Test
    void aSubscriptionAsksForTheLatestFramesOfOneCamera() {
        Map<String, Object> properties = ListenerRegistrar.subscription("cam0", "snapshot:cam0", 3);

        assertEquals(Map.of(FrameListener.CAMERA, "cam0", FrameListener.QUEUE_CAPACITY, 3,
                FrameListener.DROP_POLICY, "DROP_OLDEST", FrameListener.NAME, "snapshot:cam0",
                FrameListener.DELIVERY_THREAD, true), properties);
        assertEquals(Integer.class, properties.get(FrameListener.QUEUE_CAPACITY).getClass());
        String message = assertThrows(IllegalArgumentException.class,
                () -> ListenerRegistrar.subscription("cam0", "x", 0)).getMessage();
        assertEquals("queue capacity must be at least 1, was 0", message);
    }

    @Test
    void registersAServiceAndUnregistersItOnce() {
        FrameListener listener = frame -> { };

        Registration registration = ListenerRegistrar.of(context())
                .register(listener, ListenerRegistrar.subscription("cam0", "test", 1));
        registration.close();
        registration.close();

        assertSame(listener, registered.get(0));
        assertEquals("cam0", registeredProperties.get(0).get(FrameListener.CAMERA));
        assertEquals(1, unregistrations.get());
    }

    @Test
    void closingAfterTheBundleStoppedDoesNotThrow() {
        Registration registration = ListenerRegistrar.of(context())
                .register(frame -> { }, ListenerRegistrar.subscription("cam0", "test", 1));
        bundleStopped = true;

        registration.close();

        assertEquals(1, unregistrations.get());
    }

    /** A bundle context that can register services, and a registration that fails once the bundle stopped. */
    private BundleContext context() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("unregister")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    unregistrations.incrementAndGet();
                    if (bundleStopped) {
                        throw new IllegalStateException("already unregistered");
                    }
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    assertEquals(FrameListener.class, args[0]);
                    registered.add(args[1]);
                    registeredProperties.add((Dictionary<?, ?>) args[2]);
                    return registration;
                });
    }
}
