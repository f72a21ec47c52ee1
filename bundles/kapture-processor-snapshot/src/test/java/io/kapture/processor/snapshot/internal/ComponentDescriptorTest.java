package io.kapture.processor.snapshot.internal;

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
import org.w3c.dom.Element;

import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * What SCR and the metatype service will see: a required factory configuration with described defaults, and the
 * statistics service that lists the schedules.
 */
class ComponentDescriptorTest {

    @Test
    void needsAFactoryConfiguration() {
        Element component = component(SnapshotComponent.class);

        assertEquals(SnapshotSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));
        assertEquals("true", component.getAttribute("immediate"), "takes snapshots whether or not it is listed");
        assertEquals(List.of(SnapshotComponent.class.getName()), provides(component),
                "offered only to SnapshotStatisticsService");
    }

    @Test
    void theStatisticsServiceListsEveryScheduleAsTheyComeAndGo() {
        Element component = component(SnapshotStatisticsService.class);

        assertEquals(List.of(SnapshotStatistics.class.getName()), provides(component));
        Element reference = elements(component, "reference").get(0);
        assertEquals(SnapshotComponent.class.getName(), reference.getAttribute("interface"));
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

        assertEquals(SnapshotSettings.PID, designatedPid(metatype));
        assertEquals(List.of(), undescribed(metatype));
        assertEquals(Map.of("camera", "", "interval.seconds", "60", "folder", "snapshots", "format", "jpeg",
                "jpeg.quality", "0.85", "retention", "100"), defaults(metatype));
    }
}
