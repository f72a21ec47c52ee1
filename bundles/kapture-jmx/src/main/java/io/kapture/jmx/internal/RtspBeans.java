package io.kapture.jmx.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kapture.rtsp.RtspStatistics;

/**
 * Keeps {@code io.kapture:type=RtspServer} ({@link RtspServerMXBean}) registered while the RTSP server's
 * {@link RtspStatistics} service is. The RTSP bundle is optional (kapture-jmx imports {@code io.kapture.rtsp} with
 * {@code resolution:=optional}): the service is bound as {@link ComponentServiceObjects}, so this class never names
 * the package's types and loads without it, and the reference is optional, so the bundle is Active without it.
 *
 * <p>Threading contract: SCR activates, binds, unbinds and deactivates on its threads (registering a service is
 * quick); {@link BeanRegistrations} serializes; the bean ({@link RtspServerBean}) is read on RMI threads.
 */
@Component(immediate = true, service = {})
public final class RtspBeans {

    private final BeanRegistrations registrations;

    @Activate
    public RtspBeans(BundleContext context) {
        this.registrations = new BeanRegistrations(context);
    }

    @Reference(service = RtspStatistics.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeServer")
    void addServer(ComponentServiceObjects<?> server) {
        registrations.register(JmxNames.rtspServer(), server, RtspServerBean.over(server.getService()),
                RtspServerMXBean.class);
    }

    void removeServer(ComponentServiceObjects<?> server) {
        registrations.unregister(JmxNames.rtspServer(), server);
    }

    @Deactivate
    void deactivate() {
        registrations.unregisterAll();
    }
}
