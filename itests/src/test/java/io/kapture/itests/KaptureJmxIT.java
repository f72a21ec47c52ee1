package io.kapture.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.kapture.api.DropPolicy;
import io.kapture.api.SessionState;
import io.kapture.api.storage.StorageRoot;

/**
 * Kapture's MXBeans as a JMX client sees them, over the container's real RMI connector (Karaf's
 * {@code org.apache.karaf.management}, JAAS realm {@code karaf}): camera figures rising, listener beans, the start,
 * stop and snapshot operations, and {@code etc/jmx.acl.io.kapture.cfg} letting a viewer read but not stop.
 * The test adds two users to the container's {@code etc/users.properties} with a password made for this run.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KaptureJmxIT extends KaptureTestSupport {

    private static final String PASSWORD_PROPERTY = "kapture.itests.jmx.password";
    private static final String MANAGER = "kapture-manager";
    private static final String VIEWER = "kapture-viewer";

    @Override
    @Configuration
    public Option[] config() {
        String password = UUID.randomUUID().toString();
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/users.properties", MANAGER, password + ",viewer,manager"),
                editConfigurationFilePut("etc/users.properties", VIEWER, password + ",viewer"),
                editConfigurationFilePut("etc/system.properties", PASSWORD_PROPERTY, password));
    }

    private JMXConnector connect(String user) throws IOException {
        String pid = "org.apache.karaf.management";
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + configuredPort(pid, "rmiServerPort")
                + "/jndi/rmi://127.0.0.1:" + configuredPort(pid, "rmiRegistryPort") + "/karaf-"
                + System.getProperty("karaf.name"));
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS,
                new String[] {user, System.getProperty(PASSWORD_PROPERTY)}));
    }

    /**
     * Waits until a freshly made connection sees the camera's MBean. Each try connects anew: while Karaf is still
     * installing its boot features, the management feature may replace its MBean server and connector, and a
     * connection made before that keeps talking to the old server.
     */
    private void awaitCameraBean(String user, ObjectName camera) {
        await("camera MBean " + camera).atMost(TIMEOUT).until(() -> {
            try (JMXConnector connector = connect(user)) {
                return connector.getMBeanServerConnection().isRegistered(camera);
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Test
    public void aJmxClientSeesTheCamerasFiguresRiseAndItsListeners() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        ObjectName camera = new ObjectName("io.kapture:type=Camera,name=" + SYNTHETIC_CAMERA);
        awaitCameraBean(VIEWER, camera);
        try (JMXConnector connector = connect(VIEWER);
                LoadSubscriber subscriber = LoadSubscriber.register(context, SYNTHETIC_CAMERA, "jmx-watched",
                        DropPolicy.DROP_OLDEST, 4)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            assertEquals("RUNNING", server.getAttribute(camera, "State"));
            long first = (Long) server.getAttribute(camera, "FramesCaptured");
            await("frames rising").atMost(TIMEOUT).until(() -> (Long) server.getAttribute(camera, "FramesCaptured")
                    > first);
            ObjectName listener = new ObjectName("io.kapture:type=Listener,camera=" + SYNTHETIC_CAMERA
                    + ",name=jmx-watched");
            await("listener MBean").atMost(TIMEOUT).until(() -> server.isRegistered(listener));
            await("listener delivered to").atMost(TIMEOUT)
                    .until(() -> (Long) server.getAttribute(listener, "Delivered") > 0);
            assertEquals("DROP_OLDEST", server.getAttribute(listener, "DropPolicy"));
            Set<ObjectName> cameras = server.queryNames(new ObjectName("io.kapture:type=Camera,*"), null);
            assertTrue(cameras.toString(), cameras.contains(camera));
        }
    }

    /**
     * A motion detector and a snapshot schedule on the synthetic camera (its box moves): a viewer reads
     * {@code io.kapture:type=Motion} and {@code io.kapture:type=Snapshots} counting them.
     */
    @Test
    public void aViewerReadsMotionAndSnapshotFigures() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        awaitCameraBean(VIEWER, new ObjectName("io.kapture:type=Camera,name=" + SYNTHETIC_CAMERA));
        ObjectName motion = new ObjectName("io.kapture:type=Motion");
        ObjectName snapshots = new ObjectName("io.kapture:type=Snapshots");
        org.osgi.service.cm.Configuration detector = configure("io.kapture.processor.motion", "itest-jmx",
                Map.of("camera", SYNTHETIC_CAMERA, "roi", "0,10,100,90"));
        org.osgi.service.cm.Configuration schedule = configure("io.kapture.processor.snapshot", "itest-jmx",
                Map.of("camera", SYNTHETIC_CAMERA, "interval.seconds", 1, "folder", "itest-jmx-snapshots"));
        try (JMXConnector connector = connect(VIEWER)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            await("motion and snapshots counted").atMost(TIMEOUT).until(() -> server.isRegistered(motion)
                    && server.isRegistered(snapshots) && (Integer) server.getAttribute(motion, "DetectorsInMotion") == 1
                    && (Long) server.getAttribute(snapshots, "FilesWritten") >= 2);
            assertTrue((Long) server.getAttribute(motion, "Periods") >= 1);
            String[] detectors = (String[]) server.getAttribute(motion, "Detectors");
            assertTrue(Arrays.toString(detectors), detectors.length == 1
                    && detectors[0].startsWith(SYNTHETIC_CAMERA + ": motion since "));
            assertTrue((Long) server.getAttribute(snapshots, "BytesWritten") > 0);
            assertEquals(0, server.getAttribute(snapshots, "SchedulesFailing"));
            String[] schedules = (String[]) server.getAttribute(snapshots, "Schedules");
            assertTrue(Arrays.toString(schedules), schedules.length == 1
                    && schedules[0].startsWith(SYNTHETIC_CAMERA + " (itest-jmx-snapshots, every 1 s): "));
        } finally {
            detector.delete();
            schedule.delete();
        }
    }

    /** The login counts of both endpoints and the RTSP server's figures are beans a viewer reads. */
    @Test
    public void aViewerReadsLoginCountsAndTheRtspServersFigures() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        awaitCameraBean(VIEWER, new ObjectName("io.kapture:type=Camera,name=" + SYNTHETIC_CAMERA));
        ObjectName rtspLogins = new ObjectName("io.kapture:type=Logins,endpoint=rtsp");
        ObjectName webLogins = new ObjectName("io.kapture:type=Logins,endpoint=web");
        ObjectName rtsp = new ObjectName("io.kapture:type=RtspServer");
        try (JMXConnector connector = connect(VIEWER)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            await("login and RTSP beans").atMost(TIMEOUT).until(() -> server.isRegistered(rtspLogins)
                    && server.isRegistered(webLogins) && server.isRegistered(rtsp));
            assertEquals("rtsp", server.getAttribute(rtspLogins, "Endpoint"));
            assertEquals(0L, server.getAttribute(rtspLogins, "Rejected"));
            assertEquals(0L, server.getAttribute(webLogins, "Throttled"));
            assertTrue((Long) server.getAttribute(rtsp, "Connections") >= 0);
            assertTrue(server.getAttribute(rtsp, "Streams") instanceof javax.management.openmbean.CompositeData[]);
        }
    }

    @Test
    public void aManagerStopsStartsAndSnapshotsACamera() throws Exception {
        org.osgi.service.cm.Configuration configuration = configureCamera("jmx-cam",
                Map.of("device", "synthetic:jmx-cam", "width", 320, "height", 240));
        awaitSession("jmx-cam", SessionState.RUNNING);
        ObjectName camera = new ObjectName("io.kapture:type=Camera,name=jmx-cam");
        awaitCameraBean(MANAGER, camera);
        try (JMXConnector connector = connect(MANAGER)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            assertEquals("STOPPED", server.invoke(camera, "stop", new Object[0], new String[0]));
            assertEquals(SessionState.STOPPED, session("jmx-cam").orElseThrow().state());
            server.invoke(camera, "start", new Object[0], new String[0]);
            awaitSession("jmx-cam", SessionState.RUNNING);
            Path file = Path.of((String) server.invoke(camera, "snapshot", new Object[0], new String[0]));
            Path folder = StorageRoot.of(context).path().resolve("snapshots");
            assertEquals(folder, file.getParent());
            byte[] jpeg = Files.readAllBytes(file);
            assertTrue(file + " is a JPEG", jpeg.length > 100 && (jpeg[0] & 0xFF) == 0xFF && (jpeg[1] & 0xFF) == 0xD8);
            Files.delete(file);
        } finally {
            removeCamera(configuration, "jmx-cam");
        }
    }

    @Test
    public void aViewerReadsButMayNotStopACamera() throws Exception {
        awaitSession(SYNTHETIC_CAMERA, SessionState.RUNNING);
        ObjectName camera = new ObjectName("io.kapture:type=Camera,name=" + SYNTHETIC_CAMERA);
        awaitCameraBean(VIEWER, camera);
        try (JMXConnector connector = connect(VIEWER)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            assertEquals("synthetic", server.getAttribute(camera, "Device"));
            try {
                server.invoke(camera, "stop", new Object[0], new String[0]);
                fail("a viewer stopped a camera");
            } catch (SecurityException expected) {
                // Karaf's guard refused: jmx.acl.io.kapture.cfg gives stop to manager only
            }
            assertEquals(SessionState.RUNNING, session(SYNTHETIC_CAMERA).orElseThrow().state());
        }
    }
}
