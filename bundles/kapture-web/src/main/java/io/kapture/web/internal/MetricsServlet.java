package io.kapture.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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
import io.kapture.processor.recorder.Recordings;
import io.kapture.rtsp.RtspStatistics;
import io.kapture.web.internal.metrics.CameraMetrics;
import io.kapture.web.internal.metrics.JvmMetrics;
import io.kapture.web.internal.metrics.LoginMetrics;
import io.kapture.web.internal.metrics.RecorderMetrics;
import io.kapture.web.internal.metrics.RtspMetrics;
import io.kapture.web.internal.metrics.PrometheusText;

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
 * and only {@link RecorderMetrics} casts it.
 *
 * <p>Threading contract: the container calls {@link #doGet} on many threads at once; cameras are bound and unbound
 * on SCR's threads into the thread-safe {@link CameraDirectory}, login statistics, RTSP servers and recorders into
 * concurrent collections; each scrape has its own {@link PrometheusText}.
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

    /** The exposition as it would be served now. */
    String exposition() {
        PrometheusText out = new PrometheusText();
        CameraMetrics.add(out, cameras.cameras());
        LoginMetrics.add(out, logins.stream().sorted(Comparator.comparing(LoginStatistics::endpoint)).toList());
        for (Object rtsp : rtspServers.values()) {
            try {
                RtspMetrics.add(out, rtsp);
            } catch (RuntimeException | LinkageError e) {
                // the RTSP bundle is stopping, or was installed after this one resolved without its package (a
                // bundle refresh wires it); the rest of the scrape is still worth serving
                LOG.debug("the RTSP server's metrics are left out: {}", e.toString());
            }
        }
        for (Object recordings : recorders.values()) {
            try {
                RecorderMetrics.add(out, recordings);
            } catch (RuntimeException | LinkageError e) {
                // as for RTSP: the recorder bundle is stopping, or its package is not wired to this bundle yet
                LOG.debug("the recorder's metrics are left out: {}", e.toString());
            }
        }
        JvmMetrics.add(out);
        return out.text();
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
