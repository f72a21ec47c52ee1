package io.kapture.jmx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.openmbean.CompositeData;

import org.junit.jupiter.api.Test;

import io.kapture.login.LoginCounter;
import io.kapture.login.LoginOutcome;
import io.kapture.rtsp.RtspStatistics;
import io.kapture.rtsp.StreamStatistics;

/**
 * The login and RTSP beans in a real MBean server: login counts by outcome per endpoint, the RTSP server's
 * connections and its streams as composite data with loss in percent and jitter in milliseconds.
 */
class MonitoringBeansTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void loginCountsAreAttributesOfTheEndpointsBean() throws Exception {
        LoginCounter rtsp = new LoginCounter("rtsp");
        rtsp.record(LoginOutcome.REJECTED);
        rtsp.record(LoginOutcome.REJECTED);
        rtsp.record(LoginOutcome.THROTTLED);
        ObjectName name = new ObjectName(JmxNames.logins("rtsp"));
        server.registerMBean(new StandardMBean(new LoginsBean(rtsp), LoginsMXBean.class, true), name);

        assertEquals("io.kapture:type=Logins,endpoint=rtsp", name.toString());
        assertEquals("rtsp", server.getAttribute(name, "Endpoint"));
        assertEquals(2L, server.getAttribute(name, "Rejected"));
        assertEquals(1L, server.getAttribute(name, "Throttled"));
        assertEquals(0L, server.getAttribute(name, "Accepted"));
        rtsp.record(LoginOutcome.ACCEPTED);
        assertEquals(1L, server.getAttribute(name, "Accepted"), "read afresh");
    }

    @Test
    void theRtspServerBeanShowsEachStreamAsCompositeData() throws Exception {
        ObjectName name = new ObjectName(JmxNames.rtspServer());
        RtspServerMXBean bean = new RtspServerBean(statistics());
        server.registerMBean(new StandardMBean(bean, RtspServerMXBean.class, true), name);

        assertEquals(3, server.getAttribute(name, "OpenConnections"));
        CompositeData[] streams = (CompositeData[]) server.getAttribute(name, "Streams");
        assertEquals(1, streams.length);
        assertEquals("cam0", streams[0].get("camera"));
        assertEquals(2, streams[0].get("tcpClients"));
        assertEquals(12.5, (double) streams[0].get("worstLossPercent"), 1e-9);
        assertEquals(4.0, (double) streams[0].get("maxJitterMillis"), 1e-9);
        assertEquals(41L, streams[0].get("receiverReports"));
        assertEquals("openh264", streams[0].get("encoder"));
    }

    /** A server with 3 connections and one camera, cam0, played by 2 TCP clients. */
    private static RtspStatistics statistics() {
        Map<String, Object> stream = Map.ofEntries(Map.entry("camera", "cam0"), Map.entry("sessions", 2),
                Map.entry("udpClients", 0), Map.entry("tcpClients", 2), Map.entry("packetsSent", 900L),
                Map.entry("bytesSent", 1_000_000L), Map.entry("receiverReports", 41L),
                Map.entry("worstFractionLost", 0.125), Map.entry("packetsLost", 6L),
                Map.entry("maxJitterMillis", 4.0), Map.entry("sessionTimeouts", 1L), Map.entry("byes", 0L),
                Map.entry("encoder", "openh264"));
        StreamStatistics cam0 = (StreamStatistics) Proxy.newProxyInstance(StreamStatistics.class.getClassLoader(),
                new Class<?>[] { StreamStatistics.class }, (proxy, method, args) -> stream.get(method.getName()));
        Map<String, Object> server = Map.of("streams", List.of(cam0), "openConnections", 3, "connections", 10L,
                "connectionsRefused", 0L, "slowClientsDropped", 0L, "malformedRtcp", 0L);
        return (RtspStatistics) Proxy.newProxyInstance(RtspStatistics.class.getClassLoader(),
                new Class<?>[] { RtspStatistics.class }, (proxy, method, args) -> server.get(method.getName()));
    }
}
