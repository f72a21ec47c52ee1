package io.kapture.engine.reliability;

import static io.kapture.engine.reliability.Pipeline.awaitState;
import static io.kapture.engine.reliability.Pipeline.configuration;
import static io.kapture.engine.reliability.Pipeline.eventually;
import static io.kapture.engine.reliability.Pipeline.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * The metatype's provider-specific attributes ({@code synthetic.pattern}, {@code synthetic.fault.*}) and a
 * name of the wrong type are, like every other attribute, to be
 * rejected with a message naming the field while the running camera keeps its last good configuration.
 *
 * <p>Runs on the test thread; the camera runs its own threads.
 */
class ProviderOptionRejectionTest {

    private static final FrameFormat FORMAT = FrameFormat.of(160, 120, PixelFormat.YUYV);

    @ParameterizedTest
    @CsvSource({"synthetic.pattern, plaid", "synthetic.fault.lost.after, -1", "synthetic.fault.corrupt.every, often",
            "synthetic.fault.jitter.ms, 60001", "name, 42"})
    void malformedValueKeepsTheCameraRunning(String key, String value) {
        try (Pipeline pipeline = new Pipeline()) {
            Map<String, Object> good = configuration("cam", "fps", 100.0);
            CaptureSessionImpl session = pipeline.camera();
            CheckingSubscriber frames = subscribe(session, new CheckingSubscriber(Map.of("cam", FORMAT)), "checker");
            session.configure(good);
            session.awaitSettled();
            awaitState(session, SessionState.RUNNING);

            Map<String, Object> bad = new HashMap<>(good);
            bad.put(key, key.equals("name") ? (Object) Integer.valueOf(value) : value);
            session.configure(bad);
            session.awaitSettled();
            long before = frames.frames();
            eventually(() -> session.state() != SessionState.RUNNING || frames.frames() > before + 20);

            assertTrue(session.lastError().orElse("").contains(key), "the error names " + key + ": "
                    + session.lastError());
            assertEquals(SessionState.RUNNING, session.state(), "the camera keeps running: " + session.lastError());
        }
    }
}
