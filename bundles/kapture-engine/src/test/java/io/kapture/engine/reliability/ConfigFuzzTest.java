package io.kapture.engine.reliability;

import static io.kapture.engine.reliability.Pipeline.awaitState;
import static io.kapture.engine.reliability.Pipeline.configuration;
import static io.kapture.engine.reliability.Pipeline.eventually;
import static io.kapture.engine.reliability.Pipeline.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.PixelFormat;
import io.kapture.api.SessionState;
import io.kapture.engine.internal.session.CaptureSessionImpl;

/**
 * Configuration fuzzing of a running camera: every {@link MalformedValues malformed value} of every attribute
 * is applied on top of a good configuration, one at a time. Each must be rejected with a message naming the
 * attribute while the camera keeps streaming with its last good configuration (same format, same delivery, no
 * restart), and a second camera next to it must not notice anything. After each rejection the good
 * configuration is applied again, which must clear the error without restarting the stream.
 *
 * <p>Runs on the test thread; the cameras run their own threads.
 */
class ConfigFuzzTest {

    private static final long SEED = 20_261_124L;
    private static final FrameFormat FORMAT = FrameFormat.of(160, 120, PixelFormat.YUYV);

    private final Pipeline pipeline = new Pipeline();

    @AfterEach
    void tearDown() {
        pipeline.close();
    }

    @Test
    void everyMalformedValueIsRejectedNamingItsFieldAndTheCameraKeepsItsLastGoodConfiguration() {
        Map<String, Object> good = configuration("fuzzed", "fps", 100.0, "delivery", "pool");
        CaptureSessionImpl fuzzed = pipeline.camera();
        CheckingSubscriber fuzzedFrames = subscribe(fuzzed, new CheckingSubscriber(Map.of("fuzzed", FORMAT)), "checker");
        fuzzed.configure(good);
        fuzzed.awaitSettled();
        CaptureSessionImpl bystander = pipeline.camera();
        CheckingSubscriber bystanderFrames = subscribe(bystander,
                new CheckingSubscriber(Map.of("bystander", FORMAT)), "checker");
        bystander.configure(configuration("bystander", "fps", 100.0));
        bystander.awaitSettled();
        awaitState(fuzzed, SessionState.RUNNING);
        awaitState(bystander, SessionState.RUNNING);

        List<Map.Entry<String, Object>> cases = MalformedValues.all(SEED);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Object> malformed : cases) {
            Map<String, Object> bad = new HashMap<>(good);
            bad.put(malformed.getKey(), malformed.getValue());
            fuzzed.configure(bad);
            fuzzed.awaitSettled();
            String error = fuzzed.lastError().orElse("");
            if (!error.contains(malformed.getKey())) {
                failures.add(malformed.getKey() + "=" + describe(malformed.getValue()) + " -> state "
                        + fuzzed.state() + ", error '" + error + "'");
            }
            fuzzed.configure(good);
            fuzzed.awaitSettled();
            if (fuzzed.lastError().isPresent()) {
                failures.add("the good configuration after " + malformed.getKey() + " left error "
                        + fuzzed.lastError().get());
            }
        }
        long before = fuzzedFrames.frames();
        eventually(() -> fuzzedFrames.frames() > before + 50 && bystanderFrames.frames() > 50);

        assertEquals(List.of(), failures, "malformed values not rejected by name");
        assertEquals(SessionState.RUNNING, fuzzed.state());
        assertEquals(FORMAT.toString(), fuzzed.format().orElseThrow().toString(), "the last good format is kept");
        assertEquals("pool", fuzzed.delivery(), "the last good delivery is kept");
        assertEquals(0, fuzzed.stats().restarts(), "no rejected configuration restarted the stream");
        assertEquals(0, bystander.stats().restarts(), "the other camera was not disturbed");
        assertEquals(0, fuzzedFrames.bad(), fuzzedFrames.firstBad());
        assertEquals(0, bystanderFrames.bad(), bystanderFrames.firstBad());
        assertTrue(bystander.lastError().isEmpty(), "the other camera has no error");
        System.out.printf("[reliability] configuration fuzzing: %d malformed values over %d attributes rejected by "
                + "name; the camera kept streaming (restarts 0), the bystander too%n", cases.size(),
                cases.stream().map(Map.Entry::getKey).distinct().count());
    }

    private static String describe(Object value) {
        if (value instanceof int[] array) {
            return Arrays.toString(array);
        }
        if (value instanceof Object[] array) {
            return Arrays.toString(array);
        }
        return String.valueOf(value);
    }
}
