package io.kapture.processor.stats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.kapture.api.FrameListener;
import io.kapture.processor.stats.StreamMetrics;

/**
 * What SCR will register, read from the descriptor bnd generated from the annotations: both services, the
 * subscription properties Kapture's whiteboard reads, and the configuration PID.
 */
class ComponentDescriptorTest {

    @Test
    void registersBothServicesWithTheSubscriptionProperties() throws Exception {
        Element component = descriptor("OSGI-INF/" + StatsProcessor.class.getName() + ".xml");

        assertEquals(StatsProcessor.PID, component.getAttribute("configuration-pid"));
        assertEquals(List.of(FrameListener.class.getName(), StreamMetrics.class.getName()),
                attributes(component.getElementsByTagName("provide"), "interface"));
        Map<String, String> properties = properties(component);
        assertEquals(FrameListener.ALL_CAMERAS, properties.get(FrameListener.CAMERA));
        assertEquals("DROP_OLDEST", properties.get(FrameListener.DROP_POLICY));
        assertEquals("16", properties.get(FrameListener.QUEUE_CAPACITY));
        assertEquals("stats", properties.get(FrameListener.NAME));
        assertEquals("5", properties.get("window.seconds"));
    }

    @Test
    void describesTheWindowForConfigurationTools() throws Exception {
        Element metatype = descriptor("OSGI-INF/metatype/" + Config.class.getName() + ".xml");

        Element window = (Element) metatype.getElementsByTagName("AD").item(0);
        assertEquals("window.seconds", window.getAttribute("id"));
        assertEquals("5", window.getAttribute("default"));
        assertEquals(StatsProcessor.PID, ((Element) metatype.getElementsByTagName("Designate").item(0))
                .getAttribute("pid"));
    }

    private static Element descriptor(String resource) throws Exception {
        try (InputStream xml = ComponentDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(xml, resource + " was not generated");
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
            return document.getDocumentElement();
        }
    }

    private static Map<String, String> properties(Element component) {
        Map<String, String> properties = new HashMap<>();
        NodeList nodes = component.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            String value = property.hasAttribute("value") ? property.getAttribute("value") : property.getTextContent();
            properties.put(property.getAttribute("name"), value.trim());
        }
        return properties;
    }

    private static List<String> attributes(NodeList nodes, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(name));
        }
        return values;
    }
}
