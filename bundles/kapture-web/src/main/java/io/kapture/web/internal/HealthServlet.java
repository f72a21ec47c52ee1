package io.kapture.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Filter;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.kapture.health.HealthReport;
import io.kapture.health.KaptureHealth;

/**
 * {@code /kapture/health}: 200 with {@code "status":"UP"} when every check of {@link KaptureHealth} passes, 503
 * with {@code "status":"DOWN"} and the failing checks otherwise, for load balancers, uptime monitors and systemd
 * watchdogs (which look at the status code). Who may ask is the {@link AccessGate}'s
 * business, as for the preview: the component is registered only while the gate is.
 *
 * <p>Threading contract: the container calls {@link #doGet} on many threads at once; the health service is
 * thread-safe and the servlet keeps no state of its own.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/kapture/health")
@HttpWhiteboardServletName("kapture-health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient KaptureHealth health;

    /** Never called: referenced so that the health is never served without the access gate in front. */
    @Reference(target = AccessGate.TARGET)
    private transient Filter accessGate;

    @Activate
    public HealthServlet(@Reference KaptureHealth health) {
        this.health = health;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = health.evaluate();
        byte[] body = report.toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(report.healthy() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
