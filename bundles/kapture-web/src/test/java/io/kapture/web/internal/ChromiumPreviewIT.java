package io.kapture.web.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.PixelFormat;
import io.kapture.testing.ComponentConfig;
import io.kapture.web.chromium.HeadlessChromium;
import io.kapture.web.chromium.PreviewPageCheck;

/**
 * The preview page in headless Chromium, served by Jetty with two synthetic cameras (one encoded from YUYV, one
 * MJPEG passed through): each stream shows a picture that moves, the figures update, and once the browser has
 * gone every stream is released. Runs with {@code -Pchromium} only; needs Debian's {@code chromium} package.
 */
class ChromiumPreviewIT {

    private static final ComponentConfig<Config> DEFAULTS = ComponentConfig.of(Config.class);

    @TempDir
    Path shots;

    @Test
    void thePageShowsMovingPicturesAndUpdatingFiguresThenReleasesTheStreams() throws Exception {
        Path chromium = HeadlessChromium.find().orElseThrow(
                () -> new AssertionError("-Pchromium needs chromium on the PATH: apt-get install chromium"));
        try (PreviewServer server = PreviewServer.start(0, DEFAULTS.as(PreviewSettings::from))) {
            server.camera("cam0", "bars+box", 640, 480, PixelFormat.YUYV, 30);
            server.camera("cam1", "box", 320, 240, PixelFormat.MJPEG, 15);

            for (String camera : List.of("cam0", "cam1")) {
                PreviewPageCheck.Result result = PreviewPageCheck.run(chromium, server.page(), camera, shots);
                assertTrue(result.passed(), result.toString());
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> server.servlet().activeStreams() == 0);
            assertEquals(List.of(), server.engine().subscribers());
        }
    }
}
