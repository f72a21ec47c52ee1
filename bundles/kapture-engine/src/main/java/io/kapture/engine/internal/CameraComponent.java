package io.kapture.engine.internal;

import java.util.Hashtable;
import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import io.kapture.api.CameraConfiguration;
import io.kapture.api.CaptureSession;
import io.kapture.api.FrameListener;
import io.kapture.api.FramePool;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeviceArrivalListener;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.engine.internal.config.SettingsParser;
import io.kapture.engine.internal.fanout.Subscription;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * One camera per factory configuration of {@code io.kapture.camera}: hands configuration and service events to
 * a {@link CaptureSessionImpl} and registers it as the {@link CaptureSession} service.
 *
 * <p>The session is registered by hand rather than by SCR because its {@code kapture.camera} property is a value
 * derived from the configuration (the {@code name} key or the factory configuration's name), which SCR cannot
 * compute; the {@link Capability} header tells resolvers that this bundle provides that service all the same.
 * The raw configuration map is used, not {@link Config}, because the session must tell a malformed
 * value from a missing one, and providers get the whole map.
 *
 * <p>Threading contract: SCR calls the life-cycle methods one at a time; bind and unbind methods may come from
 * any thread at any time, before activation too. Every one of them returns at once: the session queues the work
 * to its own control thread ({@link CaptureSessionImpl}), so no SCR thread ever waits for a device or a listener.
 */
@Component(service = {}, configurationPid = CameraConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Config.class, factory = true)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.kapture.api.CaptureSession",
        uses = CaptureSession.class)
public final class CameraComponent {

    private final CaptureSessionImpl session = new CaptureSessionImpl();
    private volatile ServiceRegistration<CaptureSession> registration;
    private ServiceRegistration<DeviceArrivalListener> arrivals;
    /** The properties registered last; written on SCR's thread at activation, then on the control thread only. */
    private Hashtable<String, Object> registered;

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        registered = serviceProperties(properties);
        registration = context.registerService(CaptureSession.class, session, registered);
        session.configure(properties, () -> { });
        arrivals = context.registerService(DeviceArrivalListener.class, new DeviceReturn(session), null);
    }

    /**
     * Hands the change to the session and returns; the service's properties follow once the session has decided
     * on the change (applied it, or refused it with {@code lastError()} saying why), so that whoever sees the new
     * properties also sees the session's verdict on them.
     */
    @Modified
    void modified(Map<String, Object> properties) {
        Hashtable<String, Object> next = serviceProperties(properties);
        session.configure(properties, () -> publish(next));
    }

    /** On the session's control thread, after it decided on the configuration that {@code next} describes. */
    private void publish(Hashtable<String, Object> next) {
        if (next.equals(registered)) {
            return;
        }
        registered = next;
        try {
            registration.setProperties(next);
        } catch (IllegalStateException unregistered) {
            // deactivated meanwhile: nobody sees this camera any more
        }
    }

    @Deactivate
    void deactivate() {
        try {
            arrivals.unregister();
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        } finally {
            session.close();
        }
    }

    /** Like SCR: the public configuration properties, plus the camera's name as {@code kapture.camera}. */
    private Hashtable<String, Object> serviceProperties(Map<String, Object> properties) {
        Hashtable<String, Object> result = new Hashtable<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith(".")) {
                result.put(key, value);
            }
        });
        result.put(CaptureSession.CAMERA, SettingsParser.cameraName(properties));
        return result;
    }

    @Reference(name = "providers", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeProvider")
    void addProvider(CaptureSourceProvider provider) {
        session.addProvider(provider);
    }

    void removeProvider(CaptureSourceProvider provider) {
        session.removeProvider(provider);
    }

    @Reference(name = "strategies", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + DeliveryStrategy.PROPERTY + "=*)",
            unbind = "removeStrategy", updated = "updatedStrategy")
    void addStrategy(DeliveryStrategy strategy, Map<String, Object> properties) {
        session.addStrategy(strategy, String.valueOf(properties.get(DeliveryStrategy.PROPERTY)));
    }

    void updatedStrategy(DeliveryStrategy strategy, Map<String, Object> properties) {
        session.removeStrategy(strategy);
        addStrategy(strategy, properties);
    }

    void removeStrategy(DeliveryStrategy strategy) {
        session.removeStrategy(strategy);
    }

    @Reference(name = "listeners", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener", updated = "updatedListener")
    void addListener(FrameListener listener, ServiceReference<FrameListener> reference) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        Bundle bundle = reference.getBundle();
        String bundleName = bundle == null ? "(unregistered)" : bundle.getSymbolicName();
        session.addListener(listener, Subscription.of(listener, properties, bundleName));
    }

    void updatedListener(FrameListener listener, ServiceReference<FrameListener> reference) {
        addListener(listener, reference);
    }

    void removeListener(FrameListener listener) {
        session.removeListener(listener);
    }

    @Reference(name = "pool", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetPool")
    void setPool(FramePool pool) {
        session.setPool(pool);
    }

    void unsetPool(FramePool pool) {
        session.unsetPool(pool);
    }
}
