package io.kapture.web.internal;

import static io.kapture.testing.ComponentDescriptors.component;
import static io.kapture.testing.ComponentDescriptors.defaults;
import static io.kapture.testing.ComponentDescriptors.designatedPid;
import static io.kapture.testing.ComponentDescriptors.elements;
import static io.kapture.testing.ComponentDescriptors.metatype;
import static io.kapture.testing.ComponentDescriptors.properties;
import static io.kapture.testing.ComponentDescriptors.undescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import javax.servlet.Filter;
import javax.servlet.Servlet;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.kapture.api.CaptureSession;

/**
 * What SCR and the HTTP Whiteboard will see: a Servlet service at /kapture/*, the cameras as a dynamic optional
 * reference, the access gate as a Filter in front of it, and an optional configuration with described defaults.
 */
class ComponentDescriptorTest {

    @Test
    void registersAWhiteboardServletFollowingTheCameras() {
        Element component = component(PreviewServlet.class);

        assertEquals(PreviewSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("", component.getAttribute("configuration-policy"), "optional: runs without a configuration");
        assertEquals(Servlet.class.getName(), elements(component, "provide").get(0).getAttribute("interface"));
        Map<String, String> properties = properties(component);
        assertEquals("/kapture/*", properties.get("osgi.http.whiteboard.servlet.pattern"));
        assertEquals("kapture-preview", properties.get("osgi.http.whiteboard.servlet.name"));
        Element reference = elements(component, "reference").stream()
                .filter(candidate -> CaptureSession.class.getName().equals(candidate.getAttribute("interface")))
                .findFirst().orElseThrow();
        assertEquals(CaptureSession.class.getName(), reference.getAttribute("interface"));
        assertEquals("0..n", reference.getAttribute("cardinality"));
        assertEquals("dynamic", reference.getAttribute("policy"));
    }

    @Test
    void describesEverySettingWithItsDefault() {
        Element metatype = metatype(Config.class);

        assertEquals(PreviewSettings.PID, designatedPid(metatype));
        assertEquals(List.of(), undescribed(metatype));
        assertEquals(Map.of("max.fps", "10.0", "jpeg.quality", "0.7", "max.streams", "8", "allow.remote",
                "false", "jaas.realm", "karaf", "viewer.role", "kapture-viewer", "admin.role", "kapture-admin"),
                defaults(metatype));
    }

    @Test
    void theAccessGateFiltersEverythingUnderKaptureAndThePreviewNeedsIt() {
        Element gate = component(AccessGate.class);

        assertEquals(PreviewSettings.PID, gate.getAttribute("configuration-pid"));
        assertEquals("modified", gate.getAttribute("modified"), "a new configuration applies without a gap");
        assertEquals(Filter.class.getName(), elements(gate, "provide").get(0).getAttribute("interface"));
        Map<String, String> properties = properties(gate);
        assertEquals("/kapture/*", properties.get("osgi.http.whiteboard.filter.pattern"));
        assertEquals(AccessGate.NAME, properties.get("osgi.http.whiteboard.filter.name"));

        Element needsGate = elements(component(PreviewServlet.class), "reference").stream()
                .filter(reference -> Filter.class.getName().equals(reference.getAttribute("interface")))
                .findFirst().orElseThrow(() -> new AssertionError("the preview does not reference the gate"));
        assertEquals(AccessGate.TARGET, needsGate.getAttribute("target"));
        assertEquals("", needsGate.getAttribute("cardinality"), "mandatory (1..1, the default)");
        assertEquals("", needsGate.getAttribute("policy"), "static: the preview goes before the gate does");
    }
}
