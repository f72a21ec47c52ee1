package io.kapture.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control thread carries its camera's name even when it was created before the camera had one: SCR binds a
 * session's services (its first tasks) before the configuration names the camera, and the thread lives on.
 */
class ControlThreadNameTest {

    private final AtomicReference<String> camera = new AtomicReference<>("");
    private final ControlThread control = new ControlThread(camera::get);

    @AfterEach
    void shutdown() throws InterruptedException {
        control.shutdown();
        control.awaitTermination(10_000);
    }

    @Test
    void aThreadCreatedBeforeTheCameraWasNamedTakesItsNameAtTheNextTask() {
        assertEquals("kapture-control-", nameSeenByATask(), "no name yet");

        camera.set("front-door");

        assertEquals("kapture-control-front-door", nameSeenByATask());
    }

    @Test
    void aRenamedCameraRenamesItsThread() {
        camera.set("front-door");
        assertEquals("kapture-control-front-door", nameSeenByATask());

        camera.set("back-door");

        assertEquals("kapture-control-back-door", nameSeenByATask());
    }

    private String nameSeenByATask() {
        AtomicReference<String> seen = new AtomicReference<>();
        control.runAndWait(() -> seen.set(Thread.currentThread().getName()));
        return seen.get();
    }
}
