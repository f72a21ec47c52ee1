package io.kapture.processor.recorder.internal;

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

import io.kapture.processor.recorder.Recordings;

/**
 * What SCR and the metatype service will see: recorders need a factory configuration, the Recordings service
 * always runs and follows them dynamically, and every setting has a described default.
 */
class ComponentDescriptorTest {

    @Test
    void recordersNeedAFactoryConfigurationAndStartWithIt() throws Exception {
        Element component = descriptor("OSGI-INF/" + CameraRecorder.class.getName() + ".xml");

        assertEquals(RecorderSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));
        assertEquals("true", component.getAttribute("immediate"), "records even when nobody asks for Recordings");
    }

    @Test
    void theRecordingsServiceFollowsRecordersDynamically() throws Exception {
        Element component = descriptor("OSGI-INF/" + RecordingsService.class.getName() + ".xml");

        Element provide = (Element) component.getElementsByTagName("provide").item(0);
        assertEquals(Recordings.class.getName(), provide.getAttribute("interface"));
        Element reference = (Element) component.getElementsByTagName("reference").item(0);
        assertEquals(CameraRecorder.class.getName(), reference.getAttribute("interface"));
        assertEquals("0..n", reference.getAttribute("cardinality"));
        assertEquals("dynamic", reference.getAttribute("policy"));
    }

    @Test
    void describesEverySettingWithItsDefault() throws Exception {
        Element metatype = descriptor("OSGI-INF/metatype/" + Config.class.getName() + ".xml");

        assertEquals(RecorderSettings.PID,
                ((Element) metatype.getElementsByTagName("Designate").item(0)).getAttribute("factoryPid"));
        Map<String, String> defaults = new HashMap<>();
        NodeList attributes = metatype.getElementsByTagName("AD");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            assertFalse(attribute.getAttribute("description").isBlank(), attribute.getAttribute("id"));
            defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
        }
        assertEquals(Map.of("camera", "", "folder", "recordings", "rotate.size.mb", "512",
                "rotate.duration.seconds", "600", "jpeg.quality", "0.8"), defaults);
    }

    private static Element descriptor(String resource) throws Exception {
        try (InputStream xml = ComponentDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(xml, resource + " was not generated");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getDocumentElement();
        }
    }
}
