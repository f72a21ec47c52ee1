package io.kapture.web.internal;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service as SCR hands it to the metrics servlet's optional references: always the same object.
 *
 * <p>Immutable; safe from any thread.
 */
final class FixedServiceObjects {

    private FixedServiceObjects() {
    }

    static <S> ComponentServiceObjects<S> of(S service) {
        return new ComponentServiceObjects<>() {
            @Override
            public S getService() {
                return service;
            }

            @Override
            public void ungetService(S given) {
                // nothing was counted out
            }

            @Override
            public ServiceReference<S> getServiceReference() {
                throw new UnsupportedOperationException("not needed by the servlet");
            }
        };
    }
}
