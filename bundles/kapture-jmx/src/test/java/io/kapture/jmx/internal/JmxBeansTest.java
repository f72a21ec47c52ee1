package io.kapture.jmx.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.api.CaptureStats;
import io.kapture.api.DropCause;
import io.kapture.api.DropPolicy;
import io.kapture.api.FrameFormat;
import io.kapture.api.ListenerStats;
import io.kapture.api.PixelFormat;
import io.kapture.api.storage.StorageRoot;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.StubCamera;
import io.kapture.testing.TestFrame;

class JmxBeansTest {

    @TempDir
    Path storage;

    private final StubCamera camera = new StubCamera("cam0");

    private static ListenerStats listener(String name, long delivered) {
        return new ListenerStats(name, "io.example", "(kapture.camera=*)", DropPolicy.DROP_OLDEST, 8, 1, delivered,
                3, 1, 2_000, 5_000, 9_000, Map.of(DropCause.QUEUE_FULL, 3L));
    }

    @Test
    void namesAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("io.kapture:type=Camera,name=cam0", JmxNames.camera("cam0"));
        assertEquals("io.kapture:type=Camera,name=\"a,b=c\"", JmxNames.camera("a,b=c"));
        assertEquals("a:b\"c", JmxNames.parse(JmxNames.listener("x", "a:b\"c")).getKeyProperty("name")
                .transform(ObjectName::unquote));
    }

    @Test
    void aCameraBeanShowsItsFiguresAndOperationsInAnMBeanServer() throws Exception {
        camera.stats = new CaptureStats(1_700_000_000_000L, 2, 1000, 5, 6, 7, 0, 0, 29.5, 3, 4,
                List.of(listener("a", 900)), Optional.empty());
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName(JmxNames.camera("cam0"));
        server.registerMBean(new StandardMBean(new CameraBean(camera, null), CameraMXBean.class, true), name);
        assertEquals(1000L, server.getAttribute(name, "FramesCaptured"));
        assertEquals(900L, server.getAttribute(name, "FramesDelivered"));
        assertEquals(29.5, server.getAttribute(name, "Fps"));
        assertEquals(5L, server.getAttribute(name, "SequenceGaps"));
        assertEquals(6L, server.getAttribute(name, "SequenceRepeats"));
        assertEquals("RUNNING", server.getAttribute(name, "State"));
        assertEquals("STOPPED", server.invoke(name, "stop", new Object[0], new String[0]));
        assertEquals("RUNNING", server.invoke(name, "start", new Object[0], new String[0]));
    }

    @Test
    void aCameraBeanShowsTheDeliveryTheEngineFellBackToAndWhy() {
        StubCamera loopback = new StubCamera("loopback") {
            @Override
            public String effectiveDelivery() {
                return "pool";
            }

            @Override
            public Optional<String> deliveryFallback() {
                return Optional.of("delivering with pool instead of zerocopy: /dev/video20 is a v4l2loopback device");
            }
        };
        CameraBean bean = new CameraBean(loopback, null);
        assertEquals("pool", bean.getEffectiveDelivery());
        assertEquals("delivering with pool instead of zerocopy: /dev/video20 is a v4l2loopback device",
                bean.getDeliveryFallback());
        CameraBean asConfigured = new CameraBean(camera, null);
        assertEquals(camera.delivery(), asConfigured.getEffectiveDelivery());
        assertEquals("", asConfigured.getDeliveryFallback());
    }

    @Test
    void listenerBeansFollowTheCamerasListenersTellingTwinsApart() throws Exception {
        camera.stats = new CaptureStats(1, 0, 10, 0, 0, 0, 0, 30, 3, 4,
                List.of(listener("a", 5), listener("a", 6), listener("b", 7)), Optional.empty());
        ListenerBean second = new ListenerBean(camera, camera.stats.listeners().get(1), 2);
        assertEquals("a#2", second.getName());
        assertEquals(6, second.getDelivered());
        assertEquals(5, second.getLatencyP99Micros());
        assertEquals("3 (queue full 3)", second.getDroppedWithCauses());
        assertEquals("own thread", second.getPlacement());
        camera.stats = new CaptureStats(1, 0, 10, 0, 0, 0, 0, 30, 3, 4, List.of(listener("a", 8)),
                Optional.empty());
        assertEquals(false, second.isSubscribed());
        assertEquals(6, second.getDelivered(), "its last figures");
    }

    @Test
    void aSnapshotIsTheNextFrameAsAJpegInTheStorageFolder() throws Exception {
        RecordingRegistrar registrar = new RecordingRegistrar();
        Snapshots snapshots = new Snapshots(registrar, () -> StorageRoot.of(storage.toString(), null), 10_000);
        CompletableFuture<Path> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return snapshots.take(TestFrame.CAMERA);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> registrar.registrations() == 1);
        assertEquals(1, registrar.deliver(TestFrame.of(FrameFormat.of(64, 48, PixelFormat.GREY), new byte[64 * 48])));
        Path file = taken.get();
        assertEquals(storage.toRealPath().resolve("snapshots"), file.getParent());
        assertTrue(file.getFileName().toString().matches("cam0-\\d{8}-\\d{6}-\\d{3}\\.jpg"), file.toString());
        byte[] jpeg = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, new byte[] {jpeg[0], jpeg[1]});
        await().atMost(Duration.ofSeconds(10)).until(() -> registrar.unregistrations() == 1);
    }

    @Test
    void aSnapshotOfASilentCameraFailsSayingSo() {
        Snapshots snapshots = new Snapshots(new RecordingRegistrar(), () -> StorageRoot.of(storage.toString(), null),
                100);
        IOException failure = assertThrows(IOException.class, () -> snapshots.take("cam0"));
        assertEquals("camera cam0 delivered no frame within 100 ms; is it running?", failure.getMessage());
    }
}
