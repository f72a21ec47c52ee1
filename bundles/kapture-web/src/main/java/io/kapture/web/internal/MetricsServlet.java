package io.kapture.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import javax.servlet.Filter;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureSession;
import io.kapture.login.LoginStatistics;
import io.kapture.processor.motion.MotionStatistics;
import io.kapture.processor.recorder.Recordings;
import io.kapture.processor.snapshot.SnapshotStatistics;
import io.kapture.rtsp.RtspStatistics;
import io.kapture.web.internal.metrics.CameraMetrics;
import io.kapture.web.internal.metrics.JvmMetrics;
import io.kapture.web.internal.metrics.LoginMetrics;
import io.kapture.web.internal.metrics.MotionMetrics;
import io.kapture.web.internal.metrics.RecorderMetrics;
import io.kapture.web.internal.metrics.RtspMetrics;
import io.kapture.web.internal.metrics.PrometheusText;
import io.kapture.web.internal.metrics.SnapshotMetrics;

/**
 * {@code /kapture/metrics}: every camera's and listener's figures, the login counts of every endpoint
 * ({@link LoginStatistics} services), the figures of the RTSP server, the recorders, storage retention and the
 * JVM, in the Prometheus text format, built afresh from the current snapshots at each scrape (nothing is kept
 * between scrapes). Who may ask is the {@link AccessGate}'s business, as for the preview: the component is
 * registered only while the gate is.
 *
 * <p>The RTSP server is optional (kapture-web imports {@code io.kapture.rtsp} with {@code resolution:=optional}):
 * its {@code RtspStatistics} service is bound as {@link ComponentServiceObjects}, so this class never names the
 * package's types and loads without it, and only {@link RtspMetrics} casts the service object, when there is one.
 * The recorder ({@code io.kapture.processor.recorder}, its {@code Recordings} service) is optional in the same way,
 * and only {@link RecorderMetrics} casts it; so are the motion detector's {@code MotionStatistics}
 * ({@link MotionMetrics}) and the scheduled snapshots' {@code SnapshotStatistics} ({@link SnapshotMetrics}).
 *
 * <p>Threading contract: the container calls {@link #doGet} on many threads at once; cameras are bound and unbound
 * on SCR's threads into the thread-safe {@link CameraDirectory}, login statistics, RTSP servers, recorders, motion
 * detectors and snapshot schedules into concurrent collections; each scrape has its own {@link PrometheusText}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/kapture/metrics")
@HttpWhiteboardServletName("kapture-metrics")
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

    private final transient CameraDirectory cameras = new CameraDirectory();
    private final transient List<LoginStatistics> logins = new CopyOnWriteArrayList<>();
    private final transient Map<ComponentServiceObjects<?>, Object> rtspServers = new ConcurrentHashMap<>();
    private final transient Map<ComponentServiceObjects<?>, Object> recorders = new ConcurrentHashMap<>();
    private final transient Map<ComponentServiceObjects<?>, Object> motion = new ConcurrentHashMap<>();
    private final transient Map<ComponentServiceObjects<?>, Object> snapshots = new ConcurrentHashMap<>();

    /** Never called: referenced so that the metrics are never served without the access gate in front. */
    @Reference(target = AccessGate.TARGET)
    private transient Filter accessGate;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeCamera")
    void addCamera(CaptureSession session) {
        cameras.add(session);
    }

    void removeCamera(CaptureSession session) {
        cameras.remove(session);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeLogins")
    void addLogins(LoginStatistics endpoint) {
        logins.add(endpoint);
    }

    void removeLogins(LoginStatistics endpoint) {
        logins.remove(endpoint);
    }

    /** The RTSP server's statistics; SCR ungets the service object when it unbinds the reference. */
    @Reference(service = RtspStatistics.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeRtspServer")
    void addRtspServer(ComponentServiceObjects<?> server) {
        rtspServers.put(server, server.getService());
    }

    void removeRtspServer(ComponentServiceObjects<?> server) {
        rtspServers.remove(server);
    }

    /** The recorder bundle's progress and retention figures; ungot by SCR when it unbinds the reference. */
    @Reference(service = Recordings.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeRecorder")
    void addRecorder(ComponentServiceObjects<?> recordings) {
        recorders.put(recordings, recordings.getService());
    }

    void removeRecorder(ComponentServiceObjects<?> recordings) {
        recorders.remove(recordings);
    }

    /** The motion detectors' counts; ungot by SCR when it unbinds the reference. */
    @Reference(service = MotionStatistics.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeMotion")
    void addMotion(ComponentServiceObjects<?> statistics) {
        motion.put(statistics, statistics.getService());
    }

    void removeMotion(ComponentServiceObjects<?> statistics) {
        motion.remove(statistics);
    }

    /** The scheduled snapshots' counts; ungot by SCR when it unbinds the reference. */
    @Reference(service = SnapshotStatistics.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeSnapshots")
    void addSnapshots(ComponentServiceObjects<?> statistics) {
        snapshots.put(statistics, statistics.getService());
    }

    void removeSnapshots(ComponentServiceObjects<?> statistics) {
        snapshots.remove(statistics);
    }

    /** The exposition as it would be served now. */
    String exposition() {
        PrometheusText out = new PrometheusText();
        CameraMetrics.add(out, cameras.cameras());
        LoginMetrics.add(out, logins.stream().sorted(Comparator.comparing(LoginStatistics::endpoint)).toList());
        // lambdas, not method references: a method reference resolves its class where it is evaluated, outside
        // optional()'s catch, and whether or not there is a service; a lambda's body only when it runs
        optional(out, rtspServers, (text, service) -> RtspMetrics.add(text, service), "the RTSP server");
        optional(out, recorders, (text, service) -> RecorderMetrics.add(text, service), "the recorder");
        optional(out, motion, (text, service) -> MotionMetrics.add(text, service), "the motion detectors");
        optional(out, snapshots, (text, service) -> SnapshotMetrics.add(text, service), "the snapshot schedules");
        JvmMetrics.add(out);
        return out.text();
    }

    /** Adds the figures of an optional bundle's services; one that cannot be read is left out of this scrape. */
    private static void optional(PrometheusText out, Map<ComponentServiceObjects<?>, Object> services,
            BiConsumer<PrometheusText, Object> metrics, String what) {
        for (Object service : services.values()) {
            try {
                metrics.accept(out, service);
            } catch (RuntimeException | LinkageError e) {
                // the bundle is stopping, or was installed after this one resolved without its package (a bundle
                // refresh wires it); the rest of the scrape is still worth serving
                LOG.debug("the metrics of {} are left out: {}", what, e.toString());
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
