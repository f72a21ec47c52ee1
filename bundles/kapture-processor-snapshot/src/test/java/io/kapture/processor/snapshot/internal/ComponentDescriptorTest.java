package io.kapture.processor.snapshot.internal;

import static io.kapture.testing.ComponentDescriptors.component;
import static io.kapture.testing.ComponentDescriptors.defaults;
import static io.kapture.testing.ComponentDescriptors.designatedPid;
import static io.kapture.testing.ComponentDescriptors.metatype;
import static io.kapture.testing.ComponentDescriptors.undescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** What SCR and the metatype service will see: a required factory configuration with described defaults. */
class ComponentDescriptorTest {

    @Test
    void needsAFactoryConfiguration() {
        Element component = component(SnapshotComponent.class);

        assertEquals(SnapshotSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));
        assertEquals(0, component.getElementsByTagName("service").getLength());
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
