package io.kapture.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void durationsPickTheirUnit() {
        assertEquals("850 ns", Figures.nanos(850));
        assertEquals("12.3 µs", Figures.nanos(12_340));
        assertEquals("4.56 ms", Figures.nanos(4_560_000));
        assertEquals("1.20 s", Figures.nanos(1_200_000_000));
        assertEquals("250.0 µs", Figures.micros(250));
    }

    @Test
    void timesOfDayToTheSecond() {
        assertEquals("1970-01-01 00:00:00", Figures.dateTime(999, ZoneOffset.UTC));
        assertEquals("2023-11-14 22:13:20", Figures.dateTime(1_700_000_000_000L, ZoneOffset.UTC));
        assertEquals("2023-11-15 00:13:20", Figures.dateTime(1_700_000_000_000L, ZoneOffset.ofHours(2)));
    }

    @Test
    void ratesAndRatios() {
        assertEquals("29.9", Figures.fps(29.94));
        assertEquals("30", Figures.configuredFps(30));
        assertEquals("7.50", Figures.configuredFps(7.5));
        assertEquals("max", Figures.configuredFps(0));
        assertEquals("99.5%", Figures.percent(0.995));
        assertEquals("1.5 KiB", Figures.bytes(1536));
        assertEquals("512 B", Figures.bytes(512));
    }
}
