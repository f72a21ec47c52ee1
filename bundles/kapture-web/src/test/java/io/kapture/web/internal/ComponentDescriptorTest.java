package io.kapture.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.kapture.api.CaptureSession;

/**
 * What SCR and the HTTP Whiteboard will see: a Servlet service at /kapture/*, the cameras as a dynamic optional
 * reference, and an optional configuration with described defaults.
 */
class ComponentDescriptorTest {

    @Test
    void registersAWhiteboardServletFollowingTheCameras() throws Exception {
        Element component = descriptor("OSGI-INF/" + PreviewServlet.class.getName() + ".xml");

        assertEquals(PreviewSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("", component.getAttribute("configuration-policy"), "optional: runs without a configuration");
        Element provide = (Element) component.getElementsByTagName("provide").item(0);
        assertEquals(Servlet.class.getName(), provide.getAttribute("interface"));
        Map<String, String> properties = new HashMap<>();
        NodeList nodes = component.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            String value = property.hasAttribute("value") ? property.getAttribute("value")
                    : property.getTextContent().trim();
            properties.put(property.getAttribute("name"), value);
        }
        assertEquals("/kapture/*", properties.get("osgi.http.whiteboard.servlet.pattern"));
        assertEquals("kapture-preview", properties.get("osgi.http.whiteboard.servlet.name"));
        Element reference = (Element) component.getElementsByTagName("reference").item(0);
        assertEquals(CaptureSession.class.getName(), reference.getAttribute("interface"));
        assertEquals("0..n", reference.getAttribute("cardinality"));
        assertEquals("dynamic", reference.getAttribute("policy"));
    }

    @Test
    void describesEverySettingWithItsDefault() throws Exception {
        Element metatype = descriptor("OSGI-INF/metatype/" + Config.class.getName() + ".xml");

        assertEquals(PreviewSettings.PID,
                ((Element) metatype.getElementsByTagName("Designate").item(0)).getAttribute("pid"));
        Map<String, String> defaults = new HashMap<>();
        NodeList attributes = metatype.getElementsByTagName("AD");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            assertEquals(false, attribute.getAttribute("description").isBlank(), attribute.getAttribute("id"));
            defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
        }
        assertEquals(Map.of("max.fps", "10.0", "jpeg.quality", "0.7", "max.streams", "8", "allow.remote",
                "false"), defaults);
    }

    private static Element descriptor(String resource) throws Exception {
        try (InputStream xml = ComponentDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(xml, resource + " was not generated");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getDocumentElement();
        }
    }
}
