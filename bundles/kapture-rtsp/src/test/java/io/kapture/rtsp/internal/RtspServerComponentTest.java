package io.kapture.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

import io.kapture.api.CaptureSession;
import io.kapture.testing.ComponentConfig;

/** The component's life: where it listens, what it refuses, and how it finds cameras. */
class RtspServerComponentTest {

    @Test
    void aNonLoopbackAddressLeavesTheServerClosed() {
        RtspServerComponent component = new RtspServerComponent(registrar(),
                ComponentConfig.of(RtspConfig.class).with("address", "0.0.0.0").with("port", 0).build());

        assertEquals(-1, component.port());
        component.deactivate();
    }

    @Test
    void listensOnLoopbackUntilDeactivatedAndKeepsListeningWhenAChangeIsRefused() throws IOException {
        RtspServerComponent component = new RtspServerComponent(registrar(),
                ComponentConfig.of(RtspConfig.class).with("port", 0).build());
        int port = component.port();
        assertTrue(port > 0);
        try (Socket client = new Socket("127.0.0.1", port)) {
            assertTrue(client.isConnected());
        }

        component.modified(ComponentConfig.of(RtspConfig.class).with("port", 0).with("address", "192.168.1.10")
                .build());
        assertEquals(port, component.port(), "the refused change left the server as it was");
        component.modified(ComponentConfig.of(RtspConfig.class).with("port", 0).with("bitrate.kbps", 500).build());
        assertEquals(port, component.port(), "an encoder setting changes without a restart");

        component.deactivate();
        assertEquals(-1, component.port());
    }

    @Test
    void aCameraIsFoundByTheNameItHasWhenAsked() {
        AtomicReference<String> name = new AtomicReference<>();
        CaptureSession session = session(name);
        CameraDirectory cameras = new CameraDirectory();

        cameras.add(session);
        // the engine registers a session before its configuration is applied
        assertTrue(cameras.configuredFps("cam0").isEmpty());
        name.set("cam0");

        assertEquals(15.0, cameras.configuredFps("cam0").getAsDouble());
        cameras.remove(session);
        assertTrue(cameras.configuredFps("cam0").isEmpty());
    }

    /** A capture session answering only its name and frame rate. */
    private static CaptureSession session(AtomicReference<String> name) {
        return (CaptureSession) Proxy.newProxyInstance(CaptureSession.class.getClassLoader(),
                new Class<?>[] { CaptureSession.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "camera" -> name.get();
                    case "configuredFps" -> 15.0;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** No framework: the component only needs one to register frame listeners, which no test here reaches. */
    private static BundleContext registrar() {
        return null;
    }
}
