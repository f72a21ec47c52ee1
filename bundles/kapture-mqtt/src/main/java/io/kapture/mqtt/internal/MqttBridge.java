package io.kapture.mqtt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureSession;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.api.spi.DeliveryStrategy;

/**
 * The MQTT bridge of this node, configured by {@value #PID}. Without {@code server.uri} it does nothing but say so
 * in {@code kapture:mqtt}. With it, a {@link BridgeRuntime} connects and runs on threads of its own: activation
 * only starts it, and the motion and recording events EventAdmin delivers are only queued. Deactivation (also on a
 * configuration change) only asks the runtime to publish its offline status and disconnect; the next activation's
 * runtime waits, on its own link thread, for that to be done before it connects (see {@link Link}), so the offline
 * status cannot land after the new online one, and SCR's thread never waits on the network. The last stop is kept
 * in a static field because each configuration gets a new instance of this component.
 *
 * <p>Threading contract: SCR calls activate, deactivate and the session bind/unbind methods; EventAdmin calls
 * {@link #handleEvent} on its own thread; {@link #view()} from any thread. Sessions are kept in a copy-on-write
 * list, so every reader iterates a consistent snapshot.
 */
@Component(configurationPid = MqttBridge.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = { MqttBridge.class, EventHandler.class },
        property = { EventConstants.EVENT_TOPIC + "=" + MotionPayload.TOPIC_FILTER,
            EventConstants.EVENT_TOPIC + "=" + RecordingPayload.TOPIC_FILTER })
@Designate(ocd = MqttConfig.class)
public final class MqttBridge implements EventHandler {

    /** The configuration PID. */
    public static final String PID = "io.kapture.mqtt";

    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
    /** The stop of the runtime last deactivated, which the next one waits for before it connects. */
    private static volatile Future<Void> lastStop = CompletableFuture.completedFuture(null);

    private final List<CaptureSession> sessions = new CopyOnWriteArrayList<>();
    private final BundleContext context;
    private volatile MqttSettings settings;
    private volatile String settingsError;
    private volatile BridgeRuntime runtime;
    /** The recorder bundle, while there is one (an optional dependency: see {@link RecorderSource}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecorderSource recorder;
    /** What optional bundles (motion, snapshots) add to the stats payloads: see {@link StatsSection}. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<StatsSection> statsSections;

    @Activate
    public MqttBridge(BundleContext context, MqttConfig config, @Reference ConfigurationAdmin configurationAdmin) {
        this.context = context;
        try {
            settings = MqttSettings.from(config);
        } catch (IllegalArgumentException e) {
            settingsError = e.getMessage();
            LOG.error("MQTT bridge not started: {}", e.getMessage());
            return;
        }
        if (settings.connects()) {
            runtime = new BridgeRuntime(settings, context.getBundle().getVersion().toString(), this::sessions,
                    this::session, new ConfigAdminStore(configurationAdmin, context),
                    new FrameGrabber(ListenerRegistrar.of(context)), this::strategies,
                    () -> Optional.ofNullable(recorder), this::statsSections);
            runtime.startAfter(lastStop);
        } else {
            LOG.info("MQTT bridge idle: set server.uri in configuration {} to connect", PID);
        }
    }

    @Deactivate
    void deactivate() {
        BridgeRuntime running = runtime;
        runtime = null;
        if (running != null) {
            lastStop = running.stopAsync();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeSession")
    void addSession(CaptureSession session) {
        sessions.add(session);
    }

    void removeSession(CaptureSession session) {
        sessions.remove(session);
    }

    @Override
    public void handleEvent(Event event) {
        BridgeRuntime running = runtime;
        if (running == null) {
            return;
        }
        if (event.getTopic().startsWith(RecordingPayload.TOPIC_PREFIX)) {
            running.recording(event);
        } else {
            running.motion(event);
        }
    }

    /** What kapture:mqtt shows. */
    public BridgeView view() {
        BridgeRuntime running = runtime;
        return running != null ? running.view() : BridgeView.idle(Optional.ofNullable(settings), settingsError);
    }

    private List<CaptureSession> sessions() {
        return new ArrayList<>(sessions);
    }

    private List<StatsSection> statsSections() {
        List<StatsSection> bound = statsSections;
        return bound == null ? List.of() : bound;
    }

    private Optional<CaptureSession> session(String camera) {
        return sessions.stream().filter(session -> session.camera().equals(camera)).findFirst();
    }

    private SortedSet<String> strategies() {
        SortedSet<String> names = new TreeSet<>();
        try {
            for (ServiceReference<DeliveryStrategy> reference : context.getServiceReferences(DeliveryStrategy.class,
                    "(" + DeliveryStrategy.PROPERTY + "=*)")) {
                names.add(String.valueOf(reference.getProperty(DeliveryStrategy.PROPERTY)));
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            LOG.debug("Cannot list delivery strategies: {}", e.getMessage());
        }
        return names;
    }
}
