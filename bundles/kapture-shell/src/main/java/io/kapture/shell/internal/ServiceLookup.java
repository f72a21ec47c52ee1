package io.kapture.shell.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.kapture.api.CaptureSession;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeliveryStrategy;

/**
 * What the commands and completers work on, read from the service registry when they run: the cameras, the
 * capture source providers, and what only service properties tell (the registered delivery strategies' names, a
 * camera's configuration PID).
 *
 * <p>Commands look these up themselves rather than have Karaf inject them: Karaf re-registers every command of a
 * bundle whenever a service one of them references comes or goes, so with injected cameras the command set would
 * flicker each time a camera is configured, and a command typed at that moment would not see the new camera.
 *
 * <p>Threading contract: one lookup per command run or completion, used by that one thread. Every service it gets
 * is kept until {@link #close()}, which gives them all back; a service asked for again is not got twice.
 */
public final class ServiceLookup implements AutoCloseable {

    private final BundleContext context;
    private final Map<ServiceReference<?>, Object> held = new LinkedHashMap<>();

    public ServiceLookup(BundleContext context) {
        this.context = context;
    }

    /** The configured cameras now. */
    public Cameras cameras() {
        return new Cameras(services(CaptureSession.class));
    }

    /** The installed capture source providers now. */
    public List<CaptureSourceProvider> providers() {
        return services(CaptureSourceProvider.class);
    }

    /** The devices of the installed providers, and the cameras that stand for them. */
    public Devices devices() {
        return new Devices(providers(), cameras());
    }

    /** The {@value DeliveryStrategy#PROPERTY} names of every registered delivery strategy, sorted. */
    public SortedSet<String> deliveryStrategies() {
        SortedSet<String> names = new TreeSet<>();
        for (ServiceReference<DeliveryStrategy> reference : references(DeliveryStrategy.class, null)) {
            names.addAll(strings(reference.getProperty(DeliveryStrategy.PROPERTY)));
        }
        return names;
    }

    /** The {@code service.pid} of the camera's session service, which SCR takes from its configuration. */
    public Optional<String> configurationPid(String camera) {
        String filter = "(" + CaptureSession.CAMERA + "=" + CameraConfigurations.escape(camera) + ")";
        return references(CaptureSession.class, filter).stream()
                .flatMap(reference -> strings(reference.getProperty(Constants.SERVICE_PID)).stream()).findFirst();
    }

    /** Gives back every service got; the lookup may be used again afterwards. */
    @Override
    public void close() {
        for (ServiceReference<?> reference : held.keySet()) {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException stopping) {
                // The shell bundle is stopping: the framework releases its services itself.
            }
        }
        held.clear();
    }

    /** The services of this type registered now, leaving out any unregistered meanwhile. */
    private <S> List<S> services(Class<S> type) {
        List<S> found = new ArrayList<>();
        for (ServiceReference<S> reference : references(type, null)) {
            Object service = held.get(reference);
            if (service == null) {
                service = context.getService(reference);
                if (service == null) {
                    continue;
                }
                held.put(reference, service);
            }
            found.add(type.cast(service));
        }
        return found;
    }

    private <S> Collection<ServiceReference<S>> references(Class<S> type, String filter) {
        try {
            return context.getServiceReferences(type, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Cannot look up " + type.getSimpleName() + " services with " + filter
                    + ": " + e.getMessage(), e);
        }
    }

    /** A service property that may be a String, a String[] or a collection, as a list of strings. */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
