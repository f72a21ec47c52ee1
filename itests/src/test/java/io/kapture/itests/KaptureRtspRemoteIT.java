package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Dictionary;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

import io.kapture.api.SessionState;

/**
 * The RTSP server opened to the network ({@code allow.remote = true}, bound to a non-loopback address of this
 * machine) asks who you are: ffprobe and GStreamer's rtspsrc in a network namespace of their own, reaching this
 * machine over a veth pair (10.94.137.8/30, nothing leaves the machine), are refused without credentials (401 with
 * a Basic challenge), served with a viewer's ({@code rtsp://user:password@...}, rtspsrc's {@code user-id} and
 * {@code user-pw}), refused with a wrong password (401) and without the role (403), while ffprobe on loopback
 * needs no login. No password or Authorization
 * header ever reaches Karaf's log. {@code /kapture/metrics} counts those logins by outcome
 * ({@code kapture_logins_total{endpoint="rtsp"}}) without naming anyone. The users are in the distribution's
 * etc/users.properties: the JAAS realm {@code karaf}. The namespace and the binding are undone in {@code finally}.
 *
 * <p>Threading contract: see {@link KaptureTestSupport}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureRtspRemoteIT extends KaptureTestSupport {

    private static final String HOST_ADDRESS = "10.94.137.9";
    private static final String NAMESPACE_ADDRESS = "10.94.137.10";
    private static final String NAMESPACE = "krtspauth";
    private static final String VIEWER_PASSWORD = "viewer-Okapi-3d81c7";
    private static final String OUTSIDER_PASSWORD = "outsider-Tapir-92e4b0";
    private static final String WRONG_PASSWORD = "wrong-Dugong-5a07f3";

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/" + RTSP_PID + ".cfg", "allow.remote", "true"),
                editConfigurationFilePut("etc/users.properties", "vera", VIEWER_PASSWORD + ",kapture-viewer"),
                editConfigurationFilePut("etc/users.properties", "nora", OUTSIDER_PASSWORD + ",viewer"));
    }

    @Test
    public void ffprobeAndRtspsrcFromAnotherAddressMustLogInAsAViewer() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        int port = configuredPort(RTSP_PID, "port");
        Configuration rtsp = configurationAdmin.getConfiguration(RTSP_PID, "?");
        NetworkNamespace.Result local = localFfprobe("rtsp://127.0.0.1:" + port + "/" + SYNTHETIC_CAMERA);
        assertEquals("loopback needs no login, also with allow.remote on: " + local.errors(), 0, local.status());
        assertTrue(local.text(), local.text().contains("codec_name=h264"));
        try (NetworkNamespace namespace = NetworkNamespace.create(NAMESPACE, HOST_ADDRESS, NAMESPACE_ADDRESS)) {
            try {
                listenOn(rtsp, HOST_ADDRESS, port);
                String url = "rtsp://" + HOST_ADDRESS + ":" + port + "/" + SYNTHETIC_CAMERA;
                String withViewer = "rtsp://vera:" + VIEWER_PASSWORD + "@" + HOST_ADDRESS + ":" + port + "/"
                        + SYNTHETIC_CAMERA;

                NetworkNamespace.Result served = ffprobe(namespace, withViewer);
                assertEquals(served.errors(), 0, served.status());
                assertTrue(served.text(), served.text().contains("codec_name=h264"));
                assertTrue(served.text(), served.text().contains("width=640"));

                NetworkNamespace.Result anonymous = ffprobe(namespace, url);
                assertNotEquals("served without credentials: " + anonymous.text(), 0, anonymous.status());
                assertTrue(anonymous.errors(), anonymous.errors().contains("401"));
                NetworkNamespace.Result wrong = ffprobe(namespace, "rtsp://vera:" + WRONG_PASSWORD + "@"
                        + HOST_ADDRESS + ":" + port + "/" + SYNTHETIC_CAMERA);
                assertNotEquals("served with a wrong password: " + wrong.text(), 0, wrong.status());
                assertTrue(wrong.errors(), wrong.errors().contains("401"));
                NetworkNamespace.Result outsider = ffprobe(namespace, "rtsp://nora:" + OUTSIDER_PASSWORD + "@"
                        + HOST_ADDRESS + ":" + port + "/" + SYNTHETIC_CAMERA);
                assertNotEquals("served without the viewer role: " + outsider.text(), 0, outsider.status());
                assertTrue(outsider.errors(), outsider.errors().contains("403"));

                NetworkNamespace.Result gstreamer = rtspsrc(namespace, url, "vera", VIEWER_PASSWORD);
                assertEquals(gstreamer.text() + gstreamer.errors(), 0, gstreamer.status());
                NetworkNamespace.Result gstreamerWrong = rtspsrc(namespace, url, "vera", WRONG_PASSWORD);
                assertNotEquals("rtspsrc served with a wrong password", 0, gstreamerWrong.status());

                // what a monitor scraping /kapture/metrics sees of it: counts by outcome, no names, no secrets
                String metrics = PreviewHttp.get(configuredPort("org.ops4j.pax.web", "org.osgi.service.http.port"),
                        "/kapture/metrics").text();
                // ffprobe gives up after one refusal; rtspsrc tries a wrong password again until the throttle
                // refuses it unchecked (seen: 5 rejected, then 1 throttled)
                assertTrue(metrics, logins(metrics, "rejected") >= 2);
                assertTrue(metrics, logins(metrics, "forbidden") >= 1);
                assertTrue(metrics, logins(metrics, "accepted") >= 2);
                for (String secret : List.of("vera", "nora", VIEWER_PASSWORD, WRONG_PASSWORD, NAMESPACE_ADDRESS)) {
                    assertFalse("the metrics must not contain " + secret, metrics.contains(secret));
                }

                Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
                await("the refused login in " + log).atMost(TIMEOUT).until(() -> Files.readString(log,
                        StandardCharsets.ISO_8859_1).contains("the RTSP server from " + NAMESPACE_ADDRESS
                                + " as user 'vera'"));
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                for (String secret : List.of(VIEWER_PASSWORD, OUTSIDER_PASSWORD, WRONG_PASSWORD,
                        basic("vera", VIEWER_PASSWORD), basic("vera", WRONG_PASSWORD), "Authorization")) {
                    assertFalse("karaf.log must not contain " + secret, text.contains(secret));
                }
            } finally {
                listenOn(rtsp, "127.0.0.1", port);
            }
        }
        assertFalse("the namespace and its veth pair are gone", NetworkNamespace.exists(NAMESPACE));
    }

    /** {@code kapture_logins_total} of the RTSP endpoint with this outcome, or -1 if there is no such sample. */
    private static double logins(String metrics, String outcome) {
        String series = "\nkapture_logins_total{endpoint=\"rtsp\",outcome=\"" + outcome + "\"} ";
        int at = metrics.indexOf(series);
        return at < 0 ? -1 : Double.parseDouble(metrics.substring(at + series.length(),
                metrics.indexOf('\n', at + series.length())));
    }

    private static NetworkNamespace.Result ffprobe(NetworkNamespace namespace, String url) throws IOException {
        return namespace.run(new byte[0], ffprobeCommand(url).toArray(String[]::new));
    }

    /** ffprobe on this machine, as a loopback client. */
    private static NetworkNamespace.Result localFfprobe(String url) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ffprobeCommand(url)).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ffprobe " + url + " did not end within 60 s");
        }
        return new NetworkNamespace.Result(process.exitValue(), output, errors.join());
    }

    private static List<String> ffprobeCommand(String url) {
        return List.of("ffprobe", "-v", "error", "-rtsp_transport", "tcp", "-read_intervals", "%+2",
                "-select_streams", "v:0", "-show_entries", "stream=codec_name,width", "-of",
                "default=noprint_wrappers=1", url);
    }

    private static NetworkNamespace.Result rtspsrc(NetworkNamespace namespace, String url, String user,
            String password) throws IOException {
        return namespace.run(new byte[0], "gst-launch-1.0", "-q", "rtspsrc", "location=" + url, "protocols=tcp",
                "user-id=" + user, "user-pw=" + password, "!", "rtph264depay", "!", "h264parse", "!", "fakesink",
                "num-buffers=30");
    }

    /** Points the server at {@code address} and waits until it accepts connections there. */
    private static void listenOn(Configuration rtsp, String address, int port) throws IOException {
        Dictionary<String, Object> properties = rtsp.getProperties();
        properties.put("address", address);
        rtsp.update(properties);
        await("the RTSP server listening on " + address).atMost(TIMEOUT).ignoreExceptions()
                .until(() -> accepts(address, port));
    }

    private static boolean accepts(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
