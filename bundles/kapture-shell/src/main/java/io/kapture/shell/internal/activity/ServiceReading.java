package io.kapture.shell.internal.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Reads every service of a type once: gets it, takes what {@code read} returns, ungets it.
 *
 * <p>Threading contract: stateless; gets and ungets each service within one call.
 */
final class ServiceReading {

    private ServiceReading() {
    }

    static <S, T> List<T> collect(BundleContext context, Class<S> type, Function<S, Collection<T>> read) {
        Collection<ServiceReference<S>> references;
        try {
            references = context.getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
        List<T> all = new ArrayList<>();
        for (ServiceReference<S> reference : references) {
            S service = context.getService(reference);
            if (service == null) {
                continue; // unregistered meanwhile
            }
            try {
                all.addAll(read.apply(service));
            } finally {
                context.ungetService(reference);
            }
        }
        return all;
    }
}
