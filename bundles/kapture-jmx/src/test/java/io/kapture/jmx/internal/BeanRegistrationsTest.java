package io.kapture.jmx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.kapture.testing.StubCamera;

/** A camera's session replaced by a new one keeps its MBean, whichever order SCR binds and unbinds them in. */
class BeanRegistrationsTest {

    private final List<String> live = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                if (!method.getName().equals("registerService")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                String name = (String) ((Dictionary<String, Object>) args[2]).get("jmx.objectname");
                live.add(name);
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                        (registration, call, none) -> {
                            if (!call.getName().equals("unregister")) {
                                throw new UnsupportedOperationException(call.getName());
                            }
                            live.remove(name);
                            return null;
                        });
            });

    @Test
    void aNewSessionBoundBeforeTheOldOneGoesKeepsTheBean() {
        BeanRegistrations registrations = new BeanRegistrations(context);
        StubCamera old = new StubCamera("cam0");
        StubCamera replacement = new StubCamera("cam0");
        String name = JmxNames.camera("cam0");
        registrations.register(name, old, new CameraBean(old, null), CameraMXBean.class);
        registrations.register(name, replacement, new CameraBean(replacement, null), CameraMXBean.class);
        registrations.unregister(name, old);
        assertEquals(List.of(name), live);
        registrations.unregister(name, replacement);
        assertEquals(List.of(), live);
    }

    @Test
    void theSameOwnerRegistersOnce() {
        BeanRegistrations registrations = new BeanRegistrations(context);
        StubCamera camera = new StubCamera("cam0");
        String name = JmxNames.camera("cam0");
        registrations.register(name, camera, new CameraBean(camera, null), CameraMXBean.class);
        registrations.register(name, camera, new CameraBean(camera, null), CameraMXBean.class);
        assertEquals(List.of(name), live);
    }

    @Test
    void aSessionThatGoesTakesItsBeansAlong() {
        BeanRegistrations registrations = new BeanRegistrations(context);
        StubCamera camera = new StubCamera("cam0");
        StubCamera other = new StubCamera("cam1");
        registrations.register(JmxNames.camera("cam0"), camera, new CameraBean(camera, null), CameraMXBean.class);
        registrations.register(JmxNames.camera("cam1"), other, new CameraBean(other, null), CameraMXBean.class);
        registrations.unregisterOwnedBy(camera);
        assertEquals(List.of(JmxNames.camera("cam1")), live);
    }
}
