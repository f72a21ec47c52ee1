package io.kapture.jmx.internal;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import javax.management.DynamicMBean;
import javax.management.StandardMBean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers MXBeans as OSGi services with a {@code jmx.objectname} property, which Karaf's JMX whiteboard (Aries
 * JMX whiteboard, in the {@code management} feature) puts into the platform MBean server behind Karaf's
 * {@code jmx.acl} guard; without the whiteboard they are plain services and nothing else happens. Each bean is
 * wrapped in a {@link StandardMBean} with its MXBean interface, so the whiteboard needs no naming convention.
 *
 * <p>Threading contract: every method is synchronized; registrations happen under that lock, which only this
 * class takes.
 */
final class BeanRegistrations {

    private final BundleContext context;
    private final Map<String, Registered> registered = new HashMap<>();

    /** A bean's registration and what it shows (a camera's session), so a newer owner replaces it. */
    private record Registered(ServiceRegistration<DynamicMBean> registration, Object owner) {
    }

    BeanRegistrations(BundleContext context) {
        this.context = context;
    }

    /**
     * Registers {@code bean} under {@code objectName}, unless a bean of that name and the same owner is registered
     * already; a bean of that name with another owner (a camera's session replaced by a new one) is replaced.
     */
    synchronized <T> void register(String objectName, Object owner, T bean, Class<T> mxbeanInterface) {
        Registered existing = registered.get(objectName);
        if (existing != null && existing.owner() == owner) {
            return;
        }
        if (existing != null) {
            unregister(objectName);
        }
        JmxNames.parse(objectName);
        DynamicMBean mbean;
        try {
            mbean = new StandardMBean(bean, mxbeanInterface, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(mxbeanInterface.getName() + " is not a compliant MXBean interface", e);
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("jmx.objectname", objectName);
        registered.put(objectName, new Registered(context.registerService(DynamicMBean.class, mbean, properties),
                owner));
    }

    /** Unregisters the bean of that name if {@code owner} registered it (a newer owner's stays). */
    synchronized void unregister(String objectName, Object owner) {
        Registered existing = registered.get(objectName);
        if (existing != null && existing.owner() == owner) {
            unregister(objectName);
        }
    }

    /** Unregisters every bean {@code owner} registered. */
    synchronized void unregisterOwnedBy(Object owner) {
        for (Map.Entry<String, Registered> entry : Map.copyOf(registered).entrySet()) {
            if (entry.getValue().owner() == owner) {
                unregister(entry.getKey());
            }
        }
    }

    synchronized void unregister(String objectName) {
        Registered removed = registered.remove(objectName);
        if (removed != null) {
            try {
                removed.registration().unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework took its services back already
            }
        }
    }

    /** Unregisters every bean whose name starts with {@code prefix} and is not in {@code keep}. */
    synchronized void retain(String prefix, Set<String> keep) {
        for (String name : Set.copyOf(registered.keySet())) {
            if (name.startsWith(prefix) && !keep.contains(name)) {
                unregister(name);
            }
        }
    }

    synchronized Set<String> names() {
        return Set.copyOf(registered.keySet());
    }

    synchronized void unregisterAll() {
        for (String name : Set.copyOf(registered.keySet())) {
            unregister(name);
        }
    }
}
