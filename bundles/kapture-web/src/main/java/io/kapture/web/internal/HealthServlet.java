package io.kapture.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
 * watchdogs (which look at the status code). Same access rule as the preview.
 *
 * <p>Threading contract: the container calls {@link #doGet} on many threads at once; the health service is
 * thread-safe and the servlet keeps no state of its own.
 */
@Component(service = Servlet.class, configurationPid = PreviewSettings.PID)
@HttpWhiteboardServletPattern("/kapture/health")
@HttpWhiteboardServletName("kapture-health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient KaptureHealth health;
    private final boolean allowRemote;

    @Activate
    public HealthServlet(@Reference KaptureHealth health, RemoteAccessConfig config) {
        this.health = health;
        this.allowRemote = config.allow_remote();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!LoopbackAccess.allows(allowRemote, request, response, "health endpoint")) {
            return;
        }
        HealthReport report = health.evaluate();
        byte[] body = report.toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(report.healthy() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
