package io.kapture.processor.motion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What SCR and the metatype service will see, read from the descriptors bnd generated: a factory configuration
 * is required, EventAdmin is a mandatory reference, and every setting has a described default.
 */
class ComponentDescriptorTest {

    @Test
    void needsAFactoryConfigurationAndEventAdmin() throws Exception {
        Element component = descriptor("OSGI-INF/" + MotionComponent.class.getName() + ".xml");

        assertEquals(DetectorSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));
        assertEquals(0, component.getElementsByTagName("service").getLength(), "registers no service itself");
        Element reference = (Element) component.getElementsByTagName("reference").item(0);
        assertEquals(EventAdmin.class.getName(), reference.getAttribute("interface"));
        assertEquals("", reference.getAttribute("cardinality"), "default cardinality 1..1: mandatory");
    }

    @Test
    void describesEverySettingWithItsDefault() throws Exception {
        Element metatype = descriptor("OSGI-INF/metatype/" + Config.class.getName() + ".xml");

        Element designate = (Element) metatype.getElementsByTagName("Designate").item(0);
        assertEquals(DetectorSettings.PID, designate.getAttribute("factoryPid"));
        Map<String, String> defaults = new HashMap<>();
        NodeList attributes = metatype.getElementsByTagName("AD");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            assertNotNull(attribute.getAttribute("description"));
            defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
        }
        // Metatype defaults are comma-separated lists, so the region's commas are escaped.
        assertEquals(Map.of("camera", "", "threshold", "20", "min.area.percent", "0.5", "roi", "0\\,0\\,100\\,100",
                "cell.size", "8", "adaptation", "0.1", "quiet.ms", "1000"), defaults);
    }

    private static Element descriptor(String resource) throws Exception {
        try (InputStream xml = ComponentDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(xml, resource + " was not generated");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getDocumentElement();
        }
    }
}
