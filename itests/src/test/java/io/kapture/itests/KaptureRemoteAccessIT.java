package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;

import io.kapture.api.SessionState;
import io.kapture.web.chromium.HeadlessChromium;
import io.kapture.web.chromium.PreviewPageCheck;

/**
 * Kapture's web endpoints opened to the network ({@code allow.remote = true}, Pax Web also bound to a non-loopback
 * address) ask who you are: curl and a headless Chromium in a network namespace of their own, reaching this
 * machine over a veth pair (10.94.137.4/30, nothing leaves the machine), are refused without credentials (401
 * with a Basic challenge), served with a viewer's, refused with a wrong password (401) and without the role (403);
 * the admin role includes viewing. Loopback stays login-free, and no password or Authorization header ever reaches
 * Karaf's log. Those logins are counted by outcome on {@code /kapture/metrics}. The users are in the
 * distribution's etc/users.properties: the JAAS realm {@code karaf}.
 *
 * <p>The namespace and the extra binding are undone in {@code finally}. Threading contract: see
 * {@link KaptureTestSupport}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureRemoteAccessIT extends KaptureTestSupport {

    private static final String WEB_PID = "org.ops4j.pax.web";
    private static final String ADDRESSES = "org.ops4j.pax.web.listening.addresses";
    private static final String HOST_ADDRESS = "10.94.137.5";
    private static final String NAMESPACE_ADDRESS = "10.94.137.6";
    private static final String VIEWER_PASSWORD = "viewer-Quokka-5c1e9a";
    private static final String ADMIN_PASSWORD = "admin-Pangolin-83d2f0";
    private static final String OUTSIDER_PASSWORD = "outsider-Axolotl-47b6c1";
    private static final String WRONG_PASSWORD = "wrong-Narwhal-9e0f72";

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/io.kapture.web.cfg", "allow.remote", "true"),
                editConfigurationFilePut("etc/users.properties", "vera", VIEWER_PASSWORD + ",kapture-viewer"),
                editConfigurationFilePut("etc/users.properties", "adam", ADMIN_PASSWORD + ",kapture-admin"),
                editConfigurationFilePut("etc/users.properties", "nora", OUTSIDER_PASSWORD + ",viewer"));
    }

    @Test
    public void curlAndChromiumFromAnotherAddressMustLogInWithTheRoleAndLoopbackNeedNot() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        int port = configuredPort(WEB_PID, "org.osgi.service.http.port");
        Configuration web = configurationAdmin.getConfiguration(WEB_PID, "?");
        String loopbackOnly = String.valueOf(web.getProperties().get(ADDRESSES));
        try (NetworkNamespace namespace = NetworkNamespace.create("kwebauth", HOST_ADDRESS, NAMESPACE_ADDRESS)) {
            try {
                listenAlsoOn(web, loopbackOnly + "," + HOST_ADDRESS, port);
                String base = "http://" + HOST_ADDRESS + ":" + port + "/kapture/";

                Curl anonymous = curl(namespace, null, "GET", base + "api/cameras");
                assertEquals(anonymous.toString(), 401, anonymous.status);
                assertTrue(anonymous.toString(), anonymous.head.contains("WWW-Authenticate: Basic realm=\"Kapture\""));
                assertEquals("/kapture without the slash is behind the gate too", 401,
                        curl(namespace, null, "GET", base.substring(0, base.length() - 1)).status);
                Curl viewer = curl(namespace, "vera:" + VIEWER_PASSWORD, "GET", base + "api/cameras");
                assertEquals(viewer.toString(), 200, viewer.status);
                assertTrue(viewer.toString(), viewer.body.contains("\"name\":\"" + SYNTHETIC_CAMERA + "\""));
                Curl wrong = curl(namespace, "vera:" + WRONG_PASSWORD, "GET", base);
                assertEquals(wrong.toString(), 401, wrong.status);
                Curl unknown = curl(namespace, "mallory:" + VIEWER_PASSWORD, "GET", base);
                assertEquals(unknown.toString(), 401, unknown.status);
                Curl outsider = curl(namespace, "nora:" + OUTSIDER_PASSWORD, "GET", base);
                assertEquals(outsider.toString(), 403, outsider.status);
                assertTrue(outsider.toString(), outsider.body.contains("kapture-viewer"));
                String metrics = PreviewHttp.get(port, "/kapture/metrics").text();
                String webLogins = "kapture_logins_total{endpoint=\"web\",outcome=";
                assertTrue(metrics, metrics.contains(webLogins + "\"rejected\"} 2\n"));
                assertTrue(metrics, metrics.contains(webLogins + "\"forbidden\"} 1\n"));
                assertTrue(metrics, metrics.contains(webLogins + "\"accepted\"} 1\n"));
                assertFalse("no user names on the metrics", metrics.contains("vera") || metrics.contains("mallory"));
                Curl viewerPosts = curl(namespace, "vera:" + VIEWER_PASSWORD, "POST", base + "api/cameras");
                assertEquals("control needs kapture-admin " + viewerPosts, 403, viewerPosts.status);
                Curl adminPosts = curl(namespace, "adam:" + ADMIN_PASSWORD, "POST", base + "api/cameras");
                assertEquals("past the gate; the preview has no POST " + adminPosts, 405, adminPosts.status);
                assertEquals("admin includes viewer", 200,
                        curl(namespace, "adam:" + ADMIN_PASSWORD, "GET", base + "api/cameras").status);
                Curl stream = curl(namespace, "vera:" + VIEWER_PASSWORD, "GET", base + "stream/" + SYNTHETIC_CAMERA,
                        "--max-time", "3");
                assertEquals(stream.toString(), 200, stream.status);
                assertTrue(stream.head, stream.head.contains("multipart/x-mixed-replace"));
                assertTrue("JPEG parts in " + stream.body.length() + " bytes", stream.body.contains("\u00ff\u00d8\u00ff"));

                assertEquals("loopback needs no login", 200, PreviewHttp.get(port, "/kapture/api/cameras").status());
                assertEquals("a loopback peer naming another host (DNS rebinding) must log in", 401,
                        PreviewHttp.get(port, "/kapture/api/cameras", "cameras.example.com").status());

                anotherBundlesServletUnderKaptureIsBehindTheGateToo(namespace, base);
                chromiumIsAskedToLogInAndThenShowsTheCamera(namespace, URI.create(base));

                Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
                await("the refused login in " + log).atMost(TIMEOUT).until(() -> Files.readString(log,
                        StandardCharsets.ISO_8859_1).contains("from " + NAMESPACE_ADDRESS + " as user 'vera'"));
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                for (String secret : List.of(VIEWER_PASSWORD, ADMIN_PASSWORD, OUTSIDER_PASSWORD, WRONG_PASSWORD,
                        basic("vera", VIEWER_PASSWORD), basic("vera", WRONG_PASSWORD), "Authorization")) {
                    assertFalse("karaf.log must not contain " + secret, text.contains(secret));
                }
            } finally {
                listenAlsoOn(web, loopbackOnly, port);
            }
        }
        assertFalse("the namespace and its veth pair are gone", NetworkNamespace.exists("kwebauth"));
    }

    /** What the metrics and health endpoints rely on: any servlet under /kapture/, of any bundle, is gated. */
    private void anotherBundlesServletUnderKaptureIsBehindTheGateToo(NetworkNamespace namespace, String base)
            throws IOException {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", "/kapture/probe");
        ServiceRegistration<Servlet> probe = context.registerService(Servlet.class, new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().print("probe served " + request.getRemoteUser());
            }
        }, properties);
        try {
            await("the probe servlet registered").atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> PreviewHttp.get(configuredPort(WEB_PID, "org.osgi.service.http.port"),
                            "/kapture/probe").status() == 200);
            assertEquals(401, curl(namespace, null, "GET", base + "probe").status);
            Curl viewer = curl(namespace, "vera:" + VIEWER_PASSWORD, "GET", base + "probe");
            assertEquals(viewer.toString(), "probe served vera", viewer.body);
        } finally {
            probe.unregister();
        }
    }

    private void chromiumIsAskedToLogInAndThenShowsTheCamera(NetworkNamespace namespace, URI page) throws Exception {
        Path chromium = HeadlessChromium.find().orElseThrow(() -> new AssertionError("no chromium on the PATH;"
                + " scripts/install-test-prerequisites installs Debian's package"));
        try (HeadlessChromium browser = HeadlessChromium.startThrough(namespace.launcher(), chromium, 1280, 900)) {
            browser.cancelLogins();
            browser.open(page);
            await("Chromium asked to log in, cancelled, shows the refusal").atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> browser.evaluate("document.querySelector('[data-camera]') === null"
                            + " && /401/.test(document.title + ' ' + document.body.textContent)"), "true"::equals);
            assertTrue("the page challenged the browser", browser.loginChallenges() > 0);
            browser.logInAs("vera", VIEWER_PASSWORD);
            PreviewPageCheck.Result result = PreviewPageCheck.run(browser, page, SYNTHETIC_CAMERA,
                    Path.of(System.getProperty(SHOTS_PROPERTY, "chromium"), "remote"));
            assertTrue(result.toString(), result.passed());
        }
    }

    /** Sets Pax Web's listening addresses and waits until Jetty listens there again and serves the preview. */
    private static void listenAlsoOn(Configuration web, String addresses, int port) throws IOException {
        Dictionary<String, Object> properties = web.getProperties();
        properties.put(ADDRESSES, addresses);
        web.update(properties);
        await("Pax Web listening on " + addresses).atMost(TIMEOUT).ignoreExceptions()
                .until(() -> allAccept(addresses, port) && PreviewHttp.get(port, "/kapture/").status() == 200);
    }

    private static boolean allAccept(String addresses, int port) throws IOException {
        for (String address : addresses.split(",")) {
            if (!accepts(address.trim(), port)) {
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    /**
     * Runs curl in the namespace. Credentials go in on stdin as a curl config ({@code -K -}), never on its
     * command line.
     */
    private static Curl curl(NetworkNamespace namespace, String credentials, String method, String url,
            String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-i", "-X", method, "-K", "-"));
        command.addAll(List.of(more));
        command.add(url);
        String config = credentials == null ? "" : "user = \"" + credentials + "\"\n";
        NetworkNamespace.Result result = namespace.run(config.getBytes(StandardCharsets.UTF_8),
                command.toArray(String[]::new));
        if (result.status() != 0 && result.status() != 28) {
            throw new AssertionError("curl " + method + " " + url + " failed (" + result.status() + "): "
                    + result.errors());
        }
        String text = result.text();
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] statusLine = head.split(" ", 3);
        return new Curl(Integer.parseInt(statusLine[1]), head, end < 0 ? "" : text.substring(end + 4));
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A response as curl saw it; the body in ISO-8859-1, one char per byte. */
    private record Curl(int status, String head, String body) {
        @Override
        public String toString() {
            return head + "\n" + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
