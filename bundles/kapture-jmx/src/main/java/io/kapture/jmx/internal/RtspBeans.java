package io.kapture.jmx.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.kapture.rtsp.RtspStatistics;

/**
 * Registers {@code io.kapture:type=RtspServer} ({@link RtspServerMXBean}) over the RTSP server's
 * {@link RtspStatistics}. SCR activates this component, and only then loads this class, while that service is
 * registered: kapture-jmx imports {@code io.kapture.rtsp} optionally and runs without the RTSP bundle.
 *
 * <p>Threading contract: SCR activates and deactivates; the bean ({@link RtspServerBean}) is read on RMI threads.
 */
@Component(immediate = true, service = {})
public final class RtspBeans {

    private final BeanRegistrations registrations;

    @Activate
    public RtspBeans(BundleContext context, @Reference RtspStatistics rtsp) {
        this.registrations = new BeanRegistrations(context);
        registrations.register(JmxNames.rtspServer(), rtsp, new RtspServerBean(rtsp), RtspServerMXBean.class);
    }

    @Deactivate
    void deactivate() {
        registrations.unregisterAll();
    }
}
