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

import javax.servlet.Servlet;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.kapture.api.CaptureSession;

/**
 * What SCR and the HTTP Whiteboard will see: a Servlet service at /kapture/*, the cameras as a dynamic optional
 * reference, and an optional configuration with described defaults.
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
        Element reference = elements(component, "reference").get(0);
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
                "false"), defaults(metatype));
    }
}
