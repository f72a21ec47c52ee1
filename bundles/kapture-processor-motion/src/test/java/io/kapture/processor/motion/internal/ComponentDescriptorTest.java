package io.kapture.processor.motion.internal;

import static io.kapture.testing.ComponentDescriptors.component;
import static io.kapture.testing.ComponentDescriptors.defaults;
import static io.kapture.testing.ComponentDescriptors.designatedPid;
import static io.kapture.testing.ComponentDescriptors.elements;
import static io.kapture.testing.ComponentDescriptors.metatype;
import static io.kapture.testing.ComponentDescriptors.undescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;
import org.w3c.dom.Element;

import io.kapture.processor.motion.MotionStatistics;

/**
 * What SCR and the metatype service will see, read from the descriptors bnd generated: a factory configuration
 * is required, EventAdmin is a mandatory reference, the statistics service lists the detectors, and every setting
 * has a described default.
 */
class ComponentDescriptorTest {

    @Test
    void needsAFactoryConfigurationAndEventAdmin() {
        Element component = component(MotionComponent.class);

        assertEquals(DetectorSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));
        assertEquals("true", component.getAttribute("immediate"), "detects motion whether or not it is listed");
        assertEquals(List.of(MotionComponent.class.getName()), provides(component),
                "offered only to MotionStatisticsService");
        Element reference = elements(component, "reference").get(0);
        assertEquals(EventAdmin.class.getName(), reference.getAttribute("interface"));
        assertEquals("", reference.getAttribute("cardinality"), "default cardinality 1..1: mandatory");
    }

    @Test
    void theStatisticsServiceListsEveryDetectorAsTheyComeAndGo() {
        Element component = component(MotionStatisticsService.class);

        assertEquals(List.of(MotionStatistics.class.getName()), provides(component));
        Element reference = elements(component, "reference").get(0);
        assertEquals(MotionComponent.class.getName(), reference.getAttribute("interface"));
        assertEquals("0..n", reference.getAttribute("cardinality"));
        assertEquals("dynamic", reference.getAttribute("policy"));
    }

    private static List<String> provides(Element component) {
        return elements(component, "service").stream().flatMap(service -> elements(service, "provide").stream())
                .map(provide -> provide.getAttribute("interface")).toList();
    }

    @Test
    void describesEverySettingWithItsDefault() {
        Element metatype = metatype(Config.class);

        assertEquals(DetectorSettings.PID, designatedPid(metatype));
        assertEquals(List.of(), undescribed(metatype));
        // Metatype defaults are comma-separated lists, so the region's commas are escaped.
        assertEquals(Map.of("camera", "", "threshold", "20", "min.area.percent", "0.5", "roi", "0\\,0\\,100\\,100",
                "cell.size", "8", "adaptation", "0.1", "quiet.ms", "1000"), defaults(metatype));
    }
}
