package io.kapture.web.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import javax.servlet.Filter;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureSession;
import io.kapture.api.listener.ListenerRegistrar;
import io.kapture.convert.ImageEncoding;
import io.kapture.web.internal.StaticContent.Resource;

/**
 * The browser preview, registered with the HTTP Whiteboard at {@code /kapture/*}:
 * <ul>
 * <li>{@code /kapture/} the page, with {@code app.js} and {@code app.css};</li>
 * <li>{@code /kapture/api/cameras} every camera's state and statistics as JSON, which the page polls;</li>
 * <li>{@code /kapture/stream/<camera>} the camera as {@code multipart/x-mixed-replace} JPEG images at no more
 * than {@code max.fps}, for an {@code <img>}.</li>
 * </ul>
 * A stream holds its request's thread and its own {@link PreviewClient} for as long as the browser reads; when it
 * goes away (a write fails), the client's listener is unregistered and its image dropped. While nothing new
 * arrives the last image is sent again every {@value #RESEND_MILLIS} ms, which also notices browsers that left
 * while the camera was idle. Who may ask is not this servlet's business: the {@link AccessGate} filter in front
 * of {@code /kapture/*} decides, and this component is registered only while the gate is.
 *
 * <p>Threading contract: the container calls {@link #doGet} on many threads at once; cameras are bound and
 * unbound on SCR's threads. Shared state lives in thread-safe {@link CameraDirectory} and {@link PreviewStreams};
 * everything else is immutable. Deactivation closes every stream, so request threads return promptly.
 */
@Component(service = Servlet.class, configurationPid = PreviewSettings.PID)
@HttpWhiteboardServletPattern("/kapture/*")
@HttpWhiteboardServletName("kapture-preview")
@Designate(ocd = Config.class)
public final class PreviewServlet extends HttpServlet {

    static final long RESEND_MILLIS = 2000;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PreviewServlet.class);
    private static final String STREAM = "/stream/";
    private static final String CAMERAS = "/api/cameras";

    private final transient PreviewSettings settings;
    private final transient CameraDirectory cameras = new CameraDirectory();
    private final transient PreviewStreams streams;
    private final transient StaticContent content = StaticContent.load();
    private final transient byte[] waiting = waitingImage();

    /** Never called: referenced so that the preview is never registered without its access gate in front. */
    @Reference(target = AccessGate.TARGET)
    private transient Filter accessGate;

    @Activate
    public PreviewServlet(BundleContext context, Config config) {
        this(ListenerRegistrar.of(context), PreviewSettings.from(config));
    }

    PreviewServlet(ListenerRegistrar registrar, PreviewSettings settings) {
        this.settings = settings;
        this.streams = new PreviewStreams(registrar, settings);
        LOG.info("Browser preview at /kapture/: at most {} fps per stream, {} streams, {}", settings.maxFps(),
                settings.maxStreams(), settings.allowRemote() ? "remote browsers log in" : "local browsers only");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeCamera")
    void addCamera(CaptureSession session) {
        cameras.add(session);
    }

    void removeCamera(CaptureSession session) {
        cameras.remove(session);
    }

    @Deactivate
    void deactivate() {
        streams.closeAll();
    }

    /** Streams open now. */
    int activeStreams() {
        return streams.active();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        if (path.startsWith(STREAM)) {
            stream(path.substring(STREAM.length()), response, true);
        } else if (path.equals(CAMERAS)) {
            byte[] json = CamerasJson.of(cameras.cameras(), streams.clients(), settings)
                    .getBytes(StandardCharsets.UTF_8);
            send(response, new Resource(json, "application/json; charset=utf-8"));
        } else if (content.get(path) != null) {
            response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            send(response, content.get(path));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page in the Kapture preview: " + path);
        }
    }

    /** A HEAD of a stream must not stream: the container would discard the body and never see the client leave. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String path = request.getPathInfo();
        if (path != null && path.startsWith(STREAM)) {
            stream(path.substring(STREAM.length()), response, false);
            return;
        }
        super.doHead(request, response);
    }

    private void stream(String camera, HttpServletResponse response, boolean body) throws IOException {
        if (cameras.find(camera).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No camera named '" + camera + "'; see "
                    + "/kapture/api/cameras for the configured ones");
            return;
        }
        PreviewClient client = body ? streams.open(camera) : null;
        if (body && client == null) {
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, settings.maxStreams()
                    + " preview streams are open, the most allowed (max.streams in " + PreviewSettings.PID + ")");
            return;
        }
        response.setContentType(MjpegWriter.CONTENT_TYPE);
        if (!body) {
            return;
        }
        try {
            MjpegWriter writer = new MjpegWriter(response.getOutputStream());
            byte[] last = waiting;
            long resend = Math.max(RESEND_MILLIS, 2 * TimeUnit.NANOSECONDS.toMillis(settings.minIntervalNanos()));
            writer.write(last);
            while (!client.isClosed()) {
                byte[] image = client.next(resend);
                if (client.isClosed()) {
                    break;
                }
                last = image != null ? image : last;
                writer.write(last);
            }
        } catch (IOException e) {
            LOG.debug("Preview of camera {} ended: the browser went away ({})", camera, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private static void send(HttpServletResponse response, Resource resource) throws IOException {
        response.setContentType(resource.contentType());
        response.setContentLength(resource.bytes().length);
        response.getOutputStream().write(resource.bytes());
    }

    /** A plain dark grey 320x240 JPEG, shown while a camera has sent nothing yet (no text: a server may lack fonts). */
    private static byte[] waitingImage() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        int grey = 0x30;
        int rgb = grey << 16 | grey << 8 | grey;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return ImageEncoding.encodeJpeg(image, 0.5f);
    }
}
