package io.kapture.shell.internal.testing;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import io.kapture.api.CaptureSession;
import io.kapture.api.spi.CaptureSourceProvider;

/**
 * A service registry in memory, enough for the shell: register, look up by class and LDAP filter (osgi.core's
 * own filter implementation), get, unget and unregister. Everything about bundles is unsupported. A test can watch
 * registrations, to play the engine's part when the shell registers a frame listener, and check that every
 * service got is given back.
 *
 * <p>Threading contract: copy-on-write lists and an atomic use count; safe from any thread.
 */
public final class FakeBundleContext implements BundleContext {

    private final AtomicLong ids = new AtomicLong();
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final List<Consumer<Entry>> registrationWatchers = new CopyOnWriteArrayList<>();
    private final AtomicInteger inUse = new AtomicInteger();
    /** Every registration ever made, including unregistered ones. */
    public final List<Entry> history = new CopyOnWriteArrayList<>();

    /** Registers a service as another bundle would. */
    public <S> Entry add(Class<S> type, S service, Map<String, ?> properties) {
        return register(type.getName(), service, new Hashtable<>(properties));
    }

    /** Registers cameras' sessions as the engine does, each with its name as {@link CaptureSession#CAMERA}. */
    public FakeBundleContext withSessions(CaptureSession... sessions) {
        for (CaptureSession session : sessions) {
            add(CaptureSession.class, session, Map.of(CaptureSession.CAMERA, session.camera()));
        }
        return this;
    }

    /** Registers capture source providers as their bundles do, with {@link CaptureSourceProvider#TYPE}. */
    public FakeBundleContext withProviders(CaptureSourceProvider... providers) {
        for (CaptureSourceProvider provider : providers) {
            add(CaptureSourceProvider.class, provider, Map.of(CaptureSourceProvider.TYPE, provider.type()));
        }
        return this;
    }

    /** Services got and not yet given back. */
    public int servicesInUse() {
        return inUse.get();
    }

    /** Calls {@code watcher} on every later registration, on the registering thread. */
    public void onRegistration(Consumer<Entry> watcher) {
        registrationWatchers.add(watcher);
    }

    /** Services registered now. */
    public List<Entry> registered() {
        return List.copyOf(entries);
    }

    private Entry register(String type, Object service, Dictionary<String, ?> properties) {
        Hashtable<String, Object> all = new Hashtable<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                all.put(key, properties.get(key));
            }
        }
        all.put(Constants.OBJECTCLASS, new String[] {type});
        all.put(Constants.SERVICE_ID, ids.incrementAndGet());
        Entry entry = new Entry(type, service, all);
        entries.add(entry);
        history.add(entry);
        registrationWatchers.forEach(watcher -> watcher.accept(entry));
        return entry;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> ServiceRegistration<S> registerService(Class<S> type, S service, Dictionary<String, ?> properties) {
        return (ServiceRegistration<S>) register(type.getName(), service, properties);
    }

    @Override
    public ServiceRegistration<?> registerService(String type, Object service, Dictionary<String, ?> properties) {
        return register(type, service, properties);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <S> Collection<ServiceReference<S>> getServiceReferences(Class<S> type, String filter)
            throws InvalidSyntaxException {
        Filter parsed = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<ServiceReference<S>> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.type.equals(type.getName()) && (parsed == null || parsed.match(entry.properties))) {
                found.add((ServiceReference) entry);
            }
        }
        return found;
    }

    @Override
    public ServiceReference<?>[] getServiceReferences(String type, String filter) throws InvalidSyntaxException {
        Filter parsed = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<ServiceReference<?>> found = new ArrayList<>();
        for (Entry entry : entries) {
            if ((type == null || entry.type.equals(type)) && (parsed == null || parsed.match(entry.properties))) {
                found.add(entry);
            }
        }
        return found.isEmpty() ? null : found.toArray(new ServiceReference<?>[0]);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> ServiceReference<S> getServiceReference(Class<S> type) {
        return (ServiceReference<S>) entries.stream().filter(entry -> entry.type.equals(type.getName())).findFirst()
                .orElse(null);
    }

    @Override
    public ServiceReference<?> getServiceReference(String type) {
        return entries.stream().filter(entry -> entry.type.equals(type)).findFirst().orElse(null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> S getService(ServiceReference<S> reference) {
        Entry entry = (Entry) reference;
        if (!entries.contains(entry)) {
            return null;
        }
        inUse.incrementAndGet();
        return (S) entry.service;
    }

    @Override
    public boolean ungetService(ServiceReference<?> reference) {
        inUse.decrementAndGet();
        return entries.contains(reference);
    }

    @Override
    public Filter createFilter(String filter) throws InvalidSyntaxException {
        return FrameworkUtil.createFilter(filter);
    }

    @Override
    public String getProperty(String key) {
        return System.getProperty(key);
    }

    /** A registered service: its reference and registration in one. */
    @SuppressWarnings("rawtypes")
    public final class Entry implements ServiceReference, ServiceRegistration {
        public final String type;
        public final Object service;
        public final Hashtable<String, Object> properties;

        Entry(String type, Object service, Hashtable<String, Object> properties) {
            this.type = type;
            this.service = service;
            this.properties = properties;
        }

        /** Whether it is still registered. */
        public boolean isRegistered() {
            return entries.contains(this);
        }

        @Override
        public Object getProperty(String key) {
            return properties.get(key);
        }

        @Override
        public String[] getPropertyKeys() {
            return properties.keySet().toArray(new String[0]);
        }

        @Override
        public Dictionary getProperties() {
            return new Hashtable<>(properties);
        }

        @Override
        public ServiceReference getReference() {
            return this;
        }

        @Override
        public void setProperties(Dictionary properties) {
            throw new UnsupportedOperationException("the shell never changes service properties");
        }

        @Override
        public void unregister() {
            if (!entries.remove(this)) {
                throw new IllegalStateException("already unregistered");
            }
        }

        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public Bundle[] getUsingBundles() {
            return null;
        }

        @Override
        public boolean isAssignableTo(Bundle bundle, String className) {
            return true;
        }

        @Override
        public int compareTo(Object other) {
            return Long.compare((Long) ((Entry) other).properties.get(Constants.SERVICE_ID),
                    (Long) properties.get(Constants.SERVICE_ID));
        }

        @Override
        public Object adapt(Class type) {
            return null;
        }
    }

    // Bundle and listener methods: the shell never calls them.

    @Override
    public Bundle getBundle() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Bundle installBundle(String location, InputStream input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Bundle installBundle(String location) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Bundle getBundle(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Bundle[] getBundles() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addServiceListener(ServiceListener listener, String filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addServiceListener(ServiceListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeServiceListener(ServiceListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addBundleListener(BundleListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeBundleListener(BundleListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addFrameworkListener(FrameworkListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeFrameworkListener(FrameworkListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceRegistration<?> registerService(String[] types, Object service, Dictionary<String, ?> properties) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <S> ServiceRegistration<S> registerService(Class<S> type, ServiceFactory<S> factory,
            Dictionary<String, ?> properties) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceReference<?>[] getAllServiceReferences(String type, String filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <S> ServiceObjects<S> getServiceObjects(ServiceReference<S> reference) {
        throw new UnsupportedOperationException();
    }

    @Override
    public File getDataFile(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Bundle getBundle(String location) {
        throw new UnsupportedOperationException();
    }
}
