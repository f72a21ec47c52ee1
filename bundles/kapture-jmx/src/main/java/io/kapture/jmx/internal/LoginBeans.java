package io.kapture.jmx.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kapture.login.LoginStatistics;

/**
 * Keeps a {@link LoginsMXBean} registered per endpoint that counts logins ({@link LoginStatistics} services: the web
 * gate, the RTSP server) as {@code io.kapture:type=Logins,endpoint=<endpoint>}.
 *
 * <p>Threading contract: SCR binds and unbinds on its threads; registering a service is quick, and
 * {@link BeanRegistrations} serializes.
 */
@Component(immediate = true, service = {})
public final class LoginBeans {

    private final BeanRegistrations registrations;

    @Activate
    public LoginBeans(BundleContext context) {
        this.registrations = new BeanRegistrations(context);
    }

    LoginBeans(BeanRegistrations registrations) {
        this.registrations = registrations;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeEndpoint")
    void addEndpoint(LoginStatistics endpoint) {
        registrations.register(JmxNames.logins(endpoint.endpoint()), endpoint, new LoginsBean(endpoint),
                LoginsMXBean.class);
    }

    void removeEndpoint(LoginStatistics endpoint) {
        registrations.unregister(JmxNames.logins(endpoint.endpoint()), endpoint);
    }

    @Deactivate
    void deactivate() {
        registrations.unregisterAll();
    }
}
