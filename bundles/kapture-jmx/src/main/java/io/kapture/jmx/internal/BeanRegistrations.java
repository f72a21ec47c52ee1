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
    private final Map<String, ServiceRegistration<DynamicMBean>> registered = new HashMap<>();

    BeanRegistrations(BundleContext context) {
        this.context = context;
    }

    /** Registers {@code bean} under {@code objectName} unless a bean of that name is registered already. */
    synchronized <T> void register(String objectName, T bean, Class<T> mxbeanInterface) {
        if (registered.containsKey(objectName)) {
            return;
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
        registered.put(objectName, context.registerService(DynamicMBean.class, mbean, properties));
    }

    synchronized void unregister(String objectName) {
        ServiceRegistration<DynamicMBean> registration = registered.remove(objectName);
        if (registration != null) {
            try {
                registration.unregister();
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
