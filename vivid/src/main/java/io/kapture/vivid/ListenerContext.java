package io.kapture.vivid;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.kapture.api.FrameListener;

/**
 * The {@link BundleContext} a processor component (snapshot, recorder) gets from SCR, outside OSGi: it answers
 * framework properties ({@code kapture.storage.dir}) from a map, and a {@link FrameListener} registered as a service
 * is subscribed to the rig's camera with the registration's properties, as the engine's whiteboard tracker would
 * subscribe it; unregistering unsubscribes it. Any other call fails naming the method, so a component that starts
 * needing more of the framework shows up here rather than misbehaving.
 *
 * <p>Thread-safe as far as the rig's session is: registration and unregistration may come from any thread.
 */
final class ListenerContext {

    private ListenerContext() {
    }

    static BundleContext of(EngineRig engine, Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(ListenerContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "registerService" -> register(engine, args);
                    case "toString" -> "BundleContext of the vivid checker";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("the vivid checker's BundleContext does not "
                            + "implement " + method.getName());
                });
    }

    private static ServiceRegistration<?> register(EngineRig engine, Object[] args) {
        if (!(args[1] instanceof FrameListener listener) || !(args[2] instanceof Dictionary<?, ?> dictionary)) {
            throw new UnsupportedOperationException("the vivid checker's BundleContext registers frame listeners "
                    + "only, not " + args[1]);
        }
        Map<String, Object> properties = new HashMap<>();
        for (Object key : Collections.list(dictionary.keys())) {
            properties.put((String) key, dictionary.get(key));
        }
        engine.subscribe(listener, properties);
        return (ServiceRegistration<?>) Proxy.newProxyInstance(ListenerContext.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, calls) -> switch (method.getName()) {
                    case "unregister" -> {
                        engine.session().removeListener(listener);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == calls[0];
                    case "toString" -> "registration of " + listener;
                    default -> throw new UnsupportedOperationException("the vivid checker's ServiceRegistration "
                            + "does not implement " + method.getName());
                });
    }
}
