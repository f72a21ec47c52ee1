package io.kapture.mqtt.internal;

import java.util.List;
import java.util.Optional;

/**
 * The recorder bundle as the bridge sees it, in the bridge's own types, so that neither {@link MqttBridge} nor
 * {@link BridgeRuntime} refers to a class of {@code io.kapture.processor.recorder}: that package is imported
 * optionally, and only {@link RecordingsSource} (a component SCR loads once a {@code Recordings} service exists)
 * touches it. Without the recorder bundle there is no source, and the bridge runs without recordings.
 *
 * <p>Thread-safety: implementations may be called from any thread.
 */
public interface RecorderSource {

    /** One snapshot per configured recorder; cheap (no file is read), so the bridge may call it after every event. */
    List<Recorder> recorders();

    /** Triggers the event recorders of {@code camera}; how many were triggered. */
    int trigger(String camera, String trigger);

    /**
     * What one recorder is doing.
     *
     * @param camera         the recorded camera
     * @param file           the file being written, absolute; empty between files
     * @param filesCompleted files finished since the recorder started
     * @param filesUnfinished files whose finishing failed since the recorder started (may lack their index)
     * @param lastError      the last write or encoding problem
     * @param event          whether it records event clips (mode {@code event}) rather than continuously
     * @param clipTrigger    for an event recorder writing a clip, what triggered it
     */
    record Recorder(String camera, Optional<String> file, long filesCompleted, long filesUnfinished,
            Optional<String> lastError, boolean event, Optional<String> clipTrigger) {
    }
}
