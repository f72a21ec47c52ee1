package io.kapture.jmx.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kapture.processor.recorder.Recordings;

/**
 * Keeps {@code io.kapture:type=Recordings} ({@link RecordingsMXBean}) registered while the recorder bundle's
 * {@link Recordings} service is. The recorder bundle is optional (kapture-jmx imports
 * {@code io.kapture.processor.recorder} with {@code resolution:=optional}): the service is bound as
 * {@link ComponentServiceObjects}, so this class never names the package's types and loads without it, and the
 * reference is optional, so the bundle is Active without it.
 *
 * <p>Threading contract: SCR activates, binds, unbinds and deactivates on its threads (registering a service is
 * quick); {@link BeanRegistrations} serializes; the bean ({@link RecordingsBean}) is read on RMI threads.
 */
@Component(immediate = true, service = {})
public final class RecordingsBeans {

    private final BeanRegistrations registrations;

    @Activate
    public RecordingsBeans(BundleContext context) {
        this.registrations = new BeanRegistrations(context);
    }

    @Reference(service = Recordings.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeRecordings")
    void addRecordings(ComponentServiceObjects<?> recordings) {
        registrations.register(JmxNames.recordings(), recordings, RecordingsBean.over(recordings.getService()),
                RecordingsMXBean.class);
    }

    void removeRecordings(ComponentServiceObjects<?> recordings) {
        registrations.unregister(JmxNames.recordings(), recordings);
    }

    @Deactivate
    void deactivate() {
        registrations.unregisterAll();
    }
}
