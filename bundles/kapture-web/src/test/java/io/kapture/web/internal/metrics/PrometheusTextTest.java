package io.kapture.web.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.kapture.web.internal.metrics.PrometheusText.Type;

class PrometheusTextTest {

    @Test
    void groupsSamplesUnderOneHelpAndTypePerFamily() {
        PrometheusText out = new PrometheusText();
        out.family("a_total", Type.COUNTER, "As.").sample(1, "camera", "x");
        out.family("b", Type.GAUGE, "Bs.").sample(2.5);
        out.family("a_total", Type.COUNTER, "As.").sample(3, "camera", "y");
        out.family("empty", Type.GAUGE, "Never sampled.");
        assertEquals("""
                # HELP a_total As.
                # TYPE a_total counter
                a_total{camera="x"} 1
                a_total{camera="y"} 3
                # HELP b Bs.
                # TYPE b gauge
                b 2.5
                """, out.text());
    }

    @Test
    void escapesLabelValuesAndHelp() {
        PrometheusText out = new PrometheusText();
        out.family("m", Type.GAUGE, "back\\slash \"quoted\"\nnext").sample(0, "camera", "a\"b\\c\nd", "x", null);
        assertEquals("""
                # HELP m back\\\\slash "quoted"\\nnext
                # TYPE m gauge
                m{camera="a\\"b\\\\c\\nd",x=""} 0
                """, out.text());
    }

    @Test
    void writesSpecialNumbersAsPrometheusReadsThem() {
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PrometheusText.number(Double.NEGATIVE_INFINITY));
        assertEquals("123456789012", PrometheusText.number(123456789012L));
        assertEquals("1.0E15", PrometheusText.number(1e15));
        assertEquals("0.001", PrometheusText.number(0.001));
    }

    @Test
    void refusesWhatPrometheusWouldRefuse() {
        PrometheusText out = new PrometheusText();
        assertThrows(IllegalArgumentException.class, () -> out.family("1bad", Type.GAUGE, "x"));
        assertThrows(IllegalArgumentException.class, () -> out.family("ok", Type.GAUGE, "x").sample(1, "odd"));
        assertThrows(IllegalArgumentException.class, () -> out.family("ok", Type.GAUGE, "x").sample(1, "a-b", "v"));
        assertThrows(IllegalArgumentException.class, () -> out.family("ok", Type.GAUGE, "x").sample(1, "__x", "v"));
        assertThrows(IllegalArgumentException.class, () -> out.family("ok", Type.COUNTER, "x"));
    }

    @Test
    void readsTheProcessStatusOfLinux() {
        ProcStatus status = ProcStatus.parse(java.util.List.of("Name:\tjava", "VmSize:\t 4000 kB",
                "VmRSS:\t  1234 kB", "Threads:\t42"));
        assertEquals(1234 * 1024, status.residentBytes().getAsLong());
        assertEquals(4000 * 1024, status.virtualBytes().getAsLong());
        assertEquals(42, status.threads().getAsLong());
        assertEquals(false, ProcStatus.parse(java.util.List.of("VmRSS: x kB")).residentBytes().isPresent());
    }
}
