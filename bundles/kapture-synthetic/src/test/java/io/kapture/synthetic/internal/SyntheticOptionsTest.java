package io.kapture.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kapture.synthetic.internal.paint.Pattern;

class SyntheticOptionsTest {

    @Test
    void absentOptionsMeanNoFaults() {
        assertEquals(SyntheticOptions.DEFAULTS, SyntheticOptions.parse(Map.of("width", 640, "device", "synthetic")));
        assertEquals(SyntheticOptions.DEFAULTS, SyntheticOptions.parse(null));
    }

    @Test
    void numbersArriveInAnyShape() {
        SyntheticOptions options = SyntheticOptions.parse(Map.of(
                "synthetic.pattern", " Noise ",
                "synthetic.fault.lost.after", "12",
                "synthetic.fault.return.after.ms", 250L,
                "synthetic.fault.corrupt.every", 7.0,
                "synthetic.fault.jitter.ms", new String[] {"3"}));
        assertEquals(new SyntheticOptions(Optional.of(Pattern.NOISE), 12, 250, 7, 3), options);
        assertEquals(5, SyntheticOptions.parse(Map.of("synthetic.fault.corrupt.every", List.of((short) 5)))
                .corruptEvery());
        assertEquals(Pattern.BARS_AND_BOX, SyntheticOptions.parse(Map.of("synthetic.pattern", "bars+box"))
                .pattern().orElseThrow());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        for (Object bad : new Object[] {"abc", -1, 2.5, "1e30", true, "3 frames"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SyntheticOptions.parse(Map.of("synthetic.fault.lost.after", bad)), String.valueOf(bad));
            assertTrue(e.getMessage().startsWith("synthetic.fault.lost.after must be a whole number"), e.getMessage());
        }
        IllegalArgumentException jitter = assertThrows(IllegalArgumentException.class,
                () -> SyntheticOptions.parse(Map.of("synthetic.fault.jitter.ms", 100_000)));
        assertTrue(jitter.getMessage().contains("synthetic.fault.jitter.ms"), jitter.getMessage());
        IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
                () -> SyntheticOptions.parse(Map.of("synthetic.pattern", "stripes")));
        assertTrue(pattern.getMessage().startsWith("synthetic.pattern: unknown test pattern 'stripes'"),
                pattern.getMessage());
        assertTrue(pattern.getMessage().contains("bars, box, bars+box, noise"), pattern.getMessage());
    }
}
