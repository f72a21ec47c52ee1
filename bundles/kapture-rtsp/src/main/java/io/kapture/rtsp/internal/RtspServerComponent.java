package io.kapture.rtsp.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureSession;
import io.kapture.api.encoder.EncoderRanking;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.login.LoginCounter;
import io.kapture.login.LoginOutcome;
import io.kapture.login.LoginStatistics;
import io.kapture.rtsp.RtspStatistics;
import io.kapture.rtsp.StreamStatistics;

/**
 * The RTSP server as a component: listens on 127.0.0.1:8554 unless configured otherwise (PID
 * {@code io.kapture.rtsp}), serves every registered camera at {@code rtsp://<address>:<port>/<camera>}, and encodes
 * with the {@link VideoEncoderFactory} services. A configuration it cannot use (a non-loopback address, a value out
 * of range, a port in use) is logged with what to change, and the server stays closed until it is changed.
 * Its figures are services for monitors: {@link RtspStatistics} and the login counts as {@link LoginStatistics}
 * ({@code kapture.login.endpoint=rtsp}); both count from the component's start, across restarts of the server.
 *
 * <p>Threading contract: SCR calls activate, modified, deactivate and the bind methods; binding the socket is quick,
 * everything that blocks runs on the server's own threads. {@code server} and {@code settings} change only in those
 * callbacks, which SCR serializes, under this object's lock; {@code server} is volatile for the statistics, which
 * any thread reads.
 */
@Component(configurationPid = RtspServerComponent.PID, immediate = true,
        service = { RtspStatistics.class, LoginStatistics.class },
        property = LoginStatistics.ENDPOINT + "=" + RtspServerComponent.LOGIN_ENDPOINT)
@Designate(ocd = RtspConfig.class)
public final class RtspServerComponent implements RtspStatistics, LoginStatistics {

    static final String PID = "io.kapture.rtsp";
    /** The endpoint name of the RTSP server's login counts. */
    static final String LOGIN_ENDPOINT = "rtsp";

    private static final Logger LOG = LoggerFactory.getLogger(RtspServerComponent.class);

    private final ListenerRegistrar registrar;
    private final CameraDirectory cameras = new CameraDirectory();
    private final EncoderRanking encoders = new EncoderRanking();
    private final ServerContext.Counters counters = new ServerContext.Counters();
    private final LoginCounter logins = new LoginCounter(LOGIN_ENDPOINT);
    private final ServerFigures figures = new ServerFigures(counters, () -> this.server);
    private RtspSettings settings;
    private volatile RtspServer server;

    @Activate
    public RtspServerComponent(BundleContext context, RtspConfig config) {
        this.registrar = ListenerRegistrar.of(context);
        apply(config);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeCamera")
    void addCamera(CaptureSession session) {
        cameras.add(session);
    }

    void removeCamera(CaptureSession session) {
        cameras.remove(session);
    }

    @Reference(name = "encoders", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeEncoder")
    void addEncoder(VideoEncoderFactory factory, Map<String, Object> properties) {
        if (!encoders.add(factory, properties)) {
            LOG.info("RTSP server ignores encoder {}: it produces {}, not {}", factory.name(),
                    properties.get(VideoEncoderFactory.CODEC), VideoEncoderFactory.H264);
        }
    }

    void removeEncoder(VideoEncoderFactory factory) {
        encoders.remove(factory);
    }

    @Modified
    synchronized void modified(RtspConfig config) {
        RtspSettings wanted;
        try {
            wanted = RtspSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("RTSP server configuration {} not applied: {}; keeping the previous one", PID, e.getMessage());
            return;
        }
        if (server != null && settings != null && !wanted.needsRestart(settings)) {
            settings = wanted;
            server.context().feeds().reconfigure(wanted.encoder());
            LOG.info("RTSP encoder settings now {}", wanted.encoder());
            return;
        }
        stop();
        apply(config);
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    /** The running server's port, or -1 when it is not listening (for tests). */
    synchronized int port() {
        return server == null ? -1 : server.port();
    }

    private synchronized void apply(RtspConfig config) {
        try {
            settings = RtspSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("RTSP server not started, configuration {}: {}", PID, e.getMessage());
            return;
        }
        CameraFeeds feeds = new CameraFeeds(registrar, encoders::choice, cameras, settings.encoder());
        ServerContext context = new ServerContext(feeds, settings.address(), settings.clientQueueFrames(),
                settings.describeTimeout(), settings.sessionTimeout(), counters, RtspAccess.jaas(settings, logins));
        RtspServer started = new RtspServer(context, settings.port(), settings.maxClients());
        try {
            started.start();
        } catch (IOException e) {
            LOG.error("RTSP server not started: cannot listen on {} port {} ({}); is another RTSP server running? "
                    + "Choose another port in etc/{}.cfg", settings.address().getHostAddress(), settings.port(),
                    e.getMessage(), PID);
            return;
        }
        server = started;
        LOG.info("RTSP server listening on rtsp://{}:{}/<camera> (H.264; {}; at most {} clients; {})",
                hostForUrl(settings), started.port(), settings.encoder(), settings.maxClients(), settings.allowRemote()
                        ? "clients from other machines log in to JAAS realm '" + settings.access().realm()
                                + "' with role " + settings.access().viewerRole() + " or "
                                + settings.access().adminRole() + " (RTSP Basic authentication, readable on the"
                                + " network: use it on networks you trust, or tunnel)"
                        : "loopback only, no login");
    }

    @Override
    public List<StreamStatistics> streams() {
        return figures.streams();
    }

    @Override
    public int openConnections() {
        return figures.openConnections();
    }

    @Override
    public long connections() {
        return figures.connections();
    }

    @Override
    public long connectionsRefused() {
        return figures.connectionsRefused();
    }

    @Override
    public long slowClientsDropped() {
        return figures.slowClientsDropped();
    }

    @Override
    public long malformedRtcp() {
        return figures.malformedRtcp();
    }

    @Override
    public String endpoint() {
        return LOGIN_ENDPOINT;
    }

    @Override
    public long count(LoginOutcome outcome) {
        return logins.count(outcome);
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static String hostForUrl(RtspSettings settings) {
        String host = settings.address().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
