package io.kapture.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A descriptor that bnd did not generate is named, with where to look. */
class ComponentDescriptorsTest {

    @Test
    void aMissingDescriptorIsNamed() {
        String message = assertThrows(IllegalStateException.class,
                () -> ComponentDescriptors.component(ComponentDescriptorsTest.class)).getMessage();

        assertTrue(message.startsWith("OSGI-INF/" + ComponentDescriptorsTest.class.getName() + ".xml was not"
                + " generated"), message);
    }
}
