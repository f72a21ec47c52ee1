package io.kapture.synthetic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class DefaultCameraSetupTest {
    private static final String PID = "io.kapture.camera~synthetic";
    private final FakeConfigurationAdmin configurations = new FakeConfigurationAdmin();

    @TempDir
    Path data;

    @Test
    void aFreshInstallationGetsTheSyntheticCamera() {
        Path marker = data.resolve("marker");
        assertTrue(new DefaultCameraSetup(configurations.admin(), Optional.of(marker)).run());
        Dictionary<String, Object> camera = configurations.stored.get(PID);
        assertEquals("synthetic", camera.get("device"));
        assertEquals(640, camera.get("width"));
        assertEquals(480, camera.get("height"));
        assertEquals("YUYV", camera.get("pixel.format"));
        assertEquals(30.0, camera.get("fps"));
        assertTrue(Files.exists(marker));
    }

    @Test
    void aDeletedDefaultCameraDoesNotComeBack() {
        Path marker = data.resolve("marker");
        assertTrue(new DefaultCameraSetup(configurations.admin(), Optional.of(marker)).run());
        configurations.stored.clear();
        assertFalse(new DefaultCameraSetup(configurations.admin(), Optional.of(marker)).run());
        assertTrue(configurations.stored.isEmpty());
    }

    @Test
    void configuredCamerasAreLeftAlone() {
        configurations.put("io.kapture.camera", "cam0", Map.of("device", "/dev/video0"));
        Path marker = data.resolve("marker");
        assertFalse(new DefaultCameraSetup(configurations.admin(), Optional.of(marker)).run());
        assertEquals(Set.of("io.kapture.camera~cam0"), configurations.stored.keySet());
        assertTrue(Files.exists(marker), "the one-time decision is made");
    }

    @Test
    void withoutADataAreaTheCameraIsStillCreatedOnlyOnce() {
        DefaultCameraSetup setup = new DefaultCameraSetup(configurations.admin(), Optional.empty());
        assertTrue(setup.run());
        assertFalse(setup.run(), "the camera exists now");
        assertEquals(1, configurations.stored.size());
    }

    @Test
    void aFailingConfigurationStoreIsRetriedNextTime() {
        Path marker = data.resolve("marker");
        configurations.failing = true;
        assertFalse(new DefaultCameraSetup(configurations.admin(), Optional.of(marker)).run());
        assertFalse(Files.exists(marker));
        configurations.failing = false;
        assertTrue(new DefaultCameraSetup(configurations.admin(), Optional.of(marker)).run());
    }

    @Test
    void theComponentHonoursEnabled() {
        File marker = data.resolve(DefaultSyntheticCamera.MARKER_FILE).toFile();
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDataFile") && args[0].equals(marker.getName())) {
                        return marker;
                    }
                    throw new AssertionError("unexpected call " + method.getName());
                });
        new DefaultSyntheticCamera(context, configurations.admin(), config(false));
        assertTrue(configurations.stored.isEmpty());
        assertFalse(marker.exists());
        new DefaultSyntheticCamera(context, configurations.admin(), config(true));
        assertTrue(configurations.stored.containsKey(PID));
        assertTrue(marker.exists());
    }

    private static DefaultSyntheticCamera.Config config(boolean enabled) {
        return (DefaultSyntheticCamera.Config) Proxy.newProxyInstance(DefaultCameraSetupTest.class.getClassLoader(),
                new Class<?>[] {DefaultSyntheticCamera.Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("enabled")) {
                        return enabled;
                    }
                    throw new AssertionError("unexpected call " + method.getName());
                });
    }
}
