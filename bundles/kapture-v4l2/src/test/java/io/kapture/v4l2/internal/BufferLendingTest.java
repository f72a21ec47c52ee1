package io.kapture.v4l2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.v4l2.V4l2CaptureSource;
import io.kapture.v4l2.V4l2Sources;
import io.kapture.v4l2.sim.SimCamera;
import io.kapture.v4l2.sim.SimulatedKernel;

/**
 * A V4L2 source tells the engine, from the driver name QUERYCAP answers, whether its buffers may be lent to
 * listeners: not on v4l2loopback nor on libcamera's compatibility layer, yes on a kernel camera driver.
 */
class BufferLendingTest {

    @TempDir
    Path root;

    private SimulatedKernel kernel;

    @BeforeEach
    void plugIn() {
        kernel = new SimulatedKernel(root);
        kernel.add(0, SimCamera.webcam("Sim Webcam"), "usb-Sim_Webcam_0001-video-index0", null);
        kernel.add(4, SimCamera.multiPlanar("Sim Sensor"), null, "platform-fe801000.csi-video-index0");
        kernel.add(5, SimCamera.libcameraCompat("platform/vimc.0 Sensor B"), null, null);
        kernel.add(20, SimCamera.loopback("kapture-loopback"), null, null);
    }

    private Optional<String> hazardOf(int number) {
        String node = kernel.devRoot().resolve("video" + number).toString();
        try (V4l2CaptureSource source = V4l2Sources.open(kernel, node)) {
            return source.whyBuffersCannotBeLent();
        }
    }

    @Test
    void v4l2loopbackCannotLendItsBuffers() {
        String why = hazardOf(20).orElseThrow();

        assertTrue(why.contains("video20"), why);
        assertTrue(why.contains("v4l2loopback device (driver 'v4l2 loopback')"), why);
        assertTrue(why.contains("could change under it"), why);
    }

    @Test
    void libcamerasCompatibilityLayerCannotLendItsBuffers() {
        String why = hazardOf(5).orElseThrow();

        assertTrue(why.contains("video5"), why);
        assertTrue(why.contains("libcamera's V4L2 compatibility layer (driver 'libcamera')"), why);
        assertTrue(why.contains("in the order it handed them out"), why);
    }

    @Test
    void kernelCameraDriversLendTheirBuffers() {
        assertEquals(Optional.empty(), hazardOf(0), "uvcvideo");
        assertEquals(Optional.empty(), hazardOf(4), "unicam, multi-planar");
    }

}
