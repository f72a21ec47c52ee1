package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.kapture.api.CaptureSession;
import io.kapture.api.FramePool;
import io.kapture.api.SessionState;
import io.kapture.web.chromium.HeadlessChromium;
import io.kapture.web.chromium.PreviewPageCheck;

/**
 * The browser preview in the distribution, over real sockets: hot-deployed while the synthetic camera streams, it
 * serves the page, the statistics JSON and MJPEG streams, releases a stream's listener when its client goes away,
 * refuses requests that name another host, and shows a moving picture in a real headless Chromium. The remote
 * endpoints (SSH, JMX, HTTP) listen on the loopback interface only.
 *
 * <p>Chromium runs as a child of the container's JVM and is always ended by the check. Threading contract: see
 * {@link KaptureTestSupport}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KapturePreviewIT extends KaptureTestSupport {

    private static final String WEB_BUNDLE = "io.kapture.kapture-web";
    private static final String WEB_PID = "org.ops4j.pax.web";
    private static final String HTTP_PORT = "org.osgi.service.http.port";
    private static final String PREVIEW_LISTENER = "web-preview:" + SYNTHETIC_CAMERA;
    private static final Pattern CAPTURED = Pattern.compile("\"name\":\"" + SYNTHETIC_CAMERA
            + "\".*?\"captured\":(\\d+)");

    @Test
    public void thePreviewServesPageStatisticsAndStreamsAndReleasesAClientThatLeaves() throws Exception {
        CaptureSession camera = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        int port = configuredPort(WEB_PID, HTTP_PORT);
        awaitPage(port);
        HotDeployment web = HotDeployment.take(this, WEB_BUNDLE);
        try (CaptureWatch watch = CaptureWatch.start(context, camera)) {
            awaitStatus(port, 404, "/kapture/ gone with the preview bundle");
            web.install();
            PreviewHttp.Response page = awaitPage(port);
            assertTrue(page.toString(), page.text().contains("<title>Kapture"));
            assertTrue(PreviewHttp.get(port, "/kapture/app.js").header("Content-Type").contains("javascript"));

            long captured = captured(PreviewHttp.get(port, "/kapture/api/cameras"));
            await("the statistics move on").atMost(TIMEOUT)
                    .until(() -> captured(PreviewHttp.get(port, "/kapture/api/cameras")), now -> now > captured);

            int listeners = camera.stats().listeners().size();
            try (PreviewHttp.Response stream = PreviewHttp.open(port, "/kapture/stream/" + SYNTHETIC_CAMERA,
                    "127.0.0.1:" + port)) {
                assertEquals(200, stream.status());
                assertTrue(stream.header("Content-Type"),
                        stream.header("Content-Type").startsWith("multipart/x-mixed-replace"));
                List<byte[]> parts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    parts.add(stream.nextPart());
                }
                for (byte[] part : parts.subList(1, parts.size())) {
                    assertTrue("a 640x480 JPEG part", MediaFiles.isJpeg(part, 640, 480));
                }
                assertFalse("the last two frames differ", Arrays.equals(parts.get(2), parts.get(3)));
                assertTrue(listenerStats(camera, PREVIEW_LISTENER).isPresent());
                assertTrue(PreviewHttp.get(port, "/kapture/api/cameras").text().contains("\"streams\":1"));
            }
            await("the stream's listener released").atMost(TIMEOUT)
                    .until(() -> listenerStats(camera, PREVIEW_LISTENER).isEmpty());
            assertEquals(listeners, camera.stats().listeners().size());

            PreviewHttp.Response rebound = PreviewHttp.get(port, "/kapture/api/cameras", "cameras.example.com");
            assertEquals("a request naming another host (DNS rebinding) " + rebound, 403, rebound.status());

            web.uninstall();
            awaitStatus(port, 404, "/kapture/ gone again");
            watch.assertUninterrupted(service(FramePool.class), TIMEOUT);
        } finally {
            web.restore();
        }
    }

    @Test
    public void headlessChromiumShowsTheStreamChangingAndTheStatisticsUpdating() throws Exception {
        Path chromium = HeadlessChromium.find().orElseThrow(() -> new AssertionError("no chromium on the PATH;"
                + " run scripts/install-test-prerequisites (as root), which installs Debian's chromium"));
        CaptureSession camera = awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        int port = configuredPort(WEB_PID, HTTP_PORT);
        awaitPage(port);

        PreviewPageCheck.Result result = PreviewPageCheck.run(chromium,
                URI.create("http://127.0.0.1:" + port + "/kapture/"), SYNTHETIC_CAMERA,
                Path.of(System.getProperty(SHOTS_PROPERTY, "chromium")));
        assertTrue(result.toString(), result.passed());
        await("the browser's stream released").atMost(TIMEOUT)
                .until(() -> listenerStats(camera, PREVIEW_LISTENER).isEmpty());
    }

    @Test
    public void sshJmxAndThePreviewListenOnTheLoopbackInterfaceOnly() throws Exception {
        // not rmiRegistryPort: Pax Exam sets it to the port of its own RMI registry, in the JVM that runs Maven's
        // test side; the distribution binds that registry as it binds the RMI server (rmiRegistryHost, rmiServerHost)
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ssh", configuredPort("org.apache.karaf.shell", "sshPort"));
        ports.put("JMX RMI server", configuredPort("org.apache.karaf.management", "rmiServerPort"));
        ports.put("HTTP", configuredPort(WEB_PID, HTTP_PORT));
        awaitPage(ports.get("HTTP"));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<InetAddress> others = nonLoopbackAddresses();
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            await(port.getKey() + " on 127.0.0.1:" + port.getValue()).atMost(TIMEOUT)
                    .until(() -> accepts(loopback, port.getValue()));
            for (InetAddress address : others) {
                assertFalse(port.getKey() + " must not be reachable at " + address + " port " + port.getValue(),
                        accepts(address, port.getValue()));
            }
        }
    }

    /** Waits until the preview page answers 200, and returns it. */
    private static PreviewHttp.Response awaitPage(int port) {
        return await("the preview page on port " + port).atMost(TIMEOUT).ignoreExceptions()
                .until(() -> PreviewHttp.get(port, "/kapture/"), response -> response.status() == 200);
    }

    /** Pax Web takes servlets away on a thread of its own: waits until the page answers with that status. */
    private static void awaitStatus(int port, int status, String what) {
        await(what).atMost(TIMEOUT).until(() -> PreviewHttp.get(port, "/kapture/").status(), answer -> answer == status);
    }

    private static long captured(PreviewHttp.Response cameras) {
        Matcher matcher = CAPTURED.matcher(cameras.text());
        if (!matcher.find()) {
            throw new AssertionError("no captured count of " + SYNTHETIC_CAMERA + " in " + cameras);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** This machine's addresses other than loopback and link-local ones (those need a scope to be reached). */
    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()
                        && !(address instanceof Inet6Address && address.isAnyLocalAddress())) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    private static boolean accepts(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
