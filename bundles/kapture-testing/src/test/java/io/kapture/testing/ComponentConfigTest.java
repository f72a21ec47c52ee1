package io.kapture.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Configuration annotations with their declared defaults and the properties a test sets, named as in files. */
class ComponentConfigTest {

    /** Shaped like a component's configuration: some attributes with defaults, one without. */
    @interface Sample {
        String camera();

        int interval_seconds() default 60;

        double jpeg_quality() default 0.85;

        boolean allow__remote() default false;

        String[] tags() default { "a", "b" };

        long quiet_ms();
    }

    private final ComponentConfig<Sample> base = ComponentConfig.of(Sample.class);

    @Test
    void attributesHaveTheirDefaultsOrNothing() {
        Sample sample = base.build();

        assertEquals(60, sample.interval_seconds());
        assertEquals(0.85, sample.jpeg_quality());
        assertNull(sample.camera());
        assertEquals(0L, sample.quiet_ms());
        assertEquals(Sample.class, sample.annotationType());
    }

    @Test
    void propertiesAreSetByTheirNamesInAConfiguration() {
        Sample sample = base.with("camera", "cam0").with("interval.seconds", 2).with("allow_remote", true)
                .with("quiet.ms", 5L).build();

        assertEquals("cam0", sample.camera());
        assertEquals(2, sample.interval_seconds());
        assertTrue(sample.allow__remote());
        assertEquals(5L, sample.quiet_ms());
        assertEquals(60, base.build().interval_seconds(), "the base is unchanged");
        assertEquals(60, base.with("interval.seconds", 2).with("interval.seconds", null).build().interval_seconds());
    }

    @Test
    void arraysAreHandedOutAsCopies() {
        Sample sample = base.build();
        sample.tags()[0] = "changed";

        assertArrayEquals(new String[] { "a", "b" }, sample.tags());
    }

    @Test
    void unknownPropertiesAndWrongTypesAreRefusedAtOnce() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> base.with("interval", 2)).getMessage();
        String type = assertThrows(IllegalArgumentException.class, () -> base.with("interval.seconds", 2L))
                .getMessage();

        assertEquals("Sample has no property 'interval'; it has allow_remote, camera, interval.seconds, jpeg.quality,"
                + " quiet.ms, tags", unknown);
        assertEquals("property 'interval.seconds' of Sample is int, not Long 2", type);
    }

    @Test
    void aConversionTakesTheBuiltAnnotation() {
        assertEquals("cam0@2", base.with("camera", "cam0").with("interval.seconds", 2)
                .as(sample -> sample.camera() + "@" + sample.interval_seconds()));
    }
}
