package io.kapture.processor.snapshot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What SCR and the metatype service will see: a required factory configuration with described defaults. */
class ComponentDescriptorTest {

    @Test
    void needsAFactoryConfiguration() throws Exception {
        Element component = descriptor("OSGI-INF/" + SnapshotComponent.class.getName() + ".xml");

        assertEquals(SnapshotSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));
        assertEquals(0, component.getElementsByTagName("service").getLength());
    }

    @Test
    void describesEverySettingWithItsDefault() throws Exception {
        Element metatype = descriptor("OSGI-INF/metatype/" + Config.class.getName() + ".xml");

        assertEquals(SnapshotSettings.PID,
                ((Element) metatype.getElementsByTagName("Designate").item(0)).getAttribute("factoryPid"));
        Map<String, String> defaults = new HashMap<>();
        NodeList attributes = metatype.getElementsByTagName("AD");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            assertFalse(attribute.getAttribute("description").isBlank(), attribute.getAttribute("id"));
            defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
        }
        assertEquals(Map.of("camera", "", "interval.seconds", "60", "folder", "snapshots", "format", "jpeg",
                "jpeg.quality", "0.85", "retention", "100"), defaults);
    }

    private static Element descriptor(String resource) throws Exception {
        try (InputStream xml = ComponentDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(xml, resource + " was not generated");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getDocumentElement();
        }
    }
}
