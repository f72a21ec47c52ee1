package io.kapture.shell.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.kapture.api.CaptureSession;
import io.kapture.api.spi.DeliveryStrategy;

/**
 * Reads what only service properties tell, straight from the service registry: the names of the registered
 * delivery strategies and the configuration PID of a camera's session. Karaf's injected service lists carry the
 * services but not their properties.
 *
 * <p>Threading contract: asks the registry afresh on every call; safe from any thread.
 */
public final class ServiceLookup {

    private final BundleContext context;

    public ServiceLookup(BundleContext context) {
        this.context = context;
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
