package io.kapture.web.internal;

import static io.kapture.testing.ComponentDescriptors.component;
import static io.kapture.testing.ComponentDescriptors.elements;
import static io.kapture.testing.ComponentDescriptors.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.servlet.Filter;
import javax.servlet.Servlet;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What the HTTP Whiteboard and SCR see of the monitoring endpoints: servlets at their exact paths (which win over
 * the preview's {@code /kapture/*}), each registered only while the access gate is.
 */
class MonitoringDescriptorsTest {

    private static void assertGatedServletAt(Class<?> servlet, String path) {
        Element component = component(servlet);
        assertEquals(Servlet.class.getName(), elements(component, "provide").get(0).getAttribute("interface"));
        assertEquals(path, properties(component).get("osgi.http.whiteboard.servlet.pattern"));
        List<Element> gate = elements(component, "reference").stream()
                .filter(reference -> reference.getAttribute("interface").equals(Filter.class.getName()))
                .toList();
        assertEquals(1, gate.size(), servlet.getSimpleName() + " references the access gate");
        assertEquals(AccessGate.TARGET, gate.get(0).getAttribute("target"));
        assertTrue(gate.get(0).getAttribute("cardinality").isEmpty()
                || gate.get(0).getAttribute("cardinality").equals("1..1"), "mandatory");
    }

    @Test
    void metricsAreAGatedServletAtKaptureMetrics() {
        assertGatedServletAt(MetricsServlet.class, "/kapture/metrics");
    }

    /**
     * The RTSP server's figures are optional: 0..n and dynamic, so the servlet is satisfied and its bundle Active
     * without kapture-rtsp, and the metrics appear when the RTSP server's service comes.
     */
    @Test
    void theRtspServerIsAnOptionalDynamicReferenceOfTheMetrics() {
        Element reference = elements(component(MetricsServlet.class), "reference").stream()
                .filter(candidate -> "io.kapture.rtsp.RtspStatistics".equals(candidate.getAttribute("interface")))
                .findFirst().orElseThrow();
        assertEquals("0..n", reference.getAttribute("cardinality"));
        assertEquals("dynamic", reference.getAttribute("policy"));
    }

    @Test
    void theAccessGateIsTheWebEndpointsLoginStatistics() {
        Element gate = component(AccessGate.class);
        assertEquals(List.of("javax.servlet.Filter", "io.kapture.login.LoginStatistics"),
                elements(gate, "provide").stream().map(provide -> provide.getAttribute("interface")).toList());
        assertEquals("web", properties(gate).get("kapture.login.endpoint"));
    }

    @Test
    void healthIsAGatedServletAtKaptureHealth() {
        assertGatedServletAt(HealthServlet.class, "/kapture/health");
    }
}
