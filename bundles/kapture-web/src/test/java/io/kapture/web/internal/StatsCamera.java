package io.kapture.web.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.FramePoolStats;
import io.kapture.api.ListenerStats;
import io.kapture.api.PixelFormat;
import io.kapture.testing.StubCamera;

/**
 * A running camera with every figure set, a pool and three listeners: one with awkward characters in its name
 * and two of the same name and bundle (as two browsers previewing one camera). Any thread.
 */
final class StatsCamera extends StubCamera {

    StatsCamera(String name) {
        super(name);
    }

    @Override
    public Optional<FrameFormat> format() {
        return Optional.of(FrameFormat.of(640, 480, PixelFormat.YUYV));
    }

    @Override
    public CaptureStats stats() {
        ListenerStats odd = new ListenerStats("say \"hi\"\\\n", "io.example", "(kapture.camera=*)",
                DropPolicy.DROP_OLDEST, 8, 2, 900, 100, 3, 1_500_000, 4_000_000, 9_000_000,
                Map.of(DropCause.QUEUE_FULL, 90L, DropCause.STOPPED, 10L));
        ListenerStats preview = new ListenerStats("kapture-preview", "io.kapture.kapture-web", "(kapture.camera=x)",
                DropPolicy.DROP_OLDEST, 2, 0, 1000, 0, 0, 500_000, 800_000, 1_000_000, Map.of());
        return new CaptureStats(1_700_000_000_000L, 2, 1000, 5, 6, 7, 1, 4, 29.5, 3, 4,
                List.of(odd, preview, preview),
                Optional.of(new FramePoolStats(1000, 998, 6, 2, 3_686_400, 67_108_864)));
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("metrics never start cameras");
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("metrics never stop cameras");
    }
}
