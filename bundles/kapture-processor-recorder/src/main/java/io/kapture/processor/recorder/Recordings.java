package io.kapture.processor.recorder;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What every configured recorder is doing, the video files in the storage directory, what retention deleted, the
 * disk's space, and the external trigger of event recorders. Registered once by the recorder bundle, whether or not any recorder is
 * configured.
 *
 * <p>Thread-safety: every method may be called from any thread, while frames are being recorded; each
 * {@link RecordingProgress} is a consistent snapshot of one recorder.
 */
@ProviderType
public interface Recordings {

    /** EventAdmin topic that triggers event recorders, as {@link #trigger} does. */
    String TOPIC_TRIGGER = "io/kapture/recorder/TRIGGER";

    /** {@link #TOPIC_TRIGGER} property: the camera whose event recorders to trigger (String, required). */
    String EVENT_CAMERA = "camera";

    /** {@link #TOPIC_TRIGGER} property: the trigger's name (String, optional; {@code external} if absent). */
    String EVENT_TRIGGER = "trigger";

    /** One snapshot per configured recorder, ordered by camera name, then by file. */
    List<RecordingProgress> recordings();

    /** The snapshots of the recorders of one camera (usually one; empty if it has none). */
    List<RecordingProgress> recordings(String camera);

    /**
     * The video files in the storage directory, continuous recordings and event clips, oldest first (by the time in
     * their names), with what their headers say. Reads every file's header: meant for a console, not for a loop.
     */
    List<RecordedFile> files();

    /** What storage retention did since the bundle started. */
    RetentionStatus retention();

    /**
     * The disk holding the storage directory, read now (one {@code statvfs}: cheap enough for every scrape).
     *
     * @return empty if the disk cannot be read, or for an implementation that does not know it (the default,
     *         which keeps implementations of version 1.1 of this package compiling)
     * @since 1.2
     */
    default Optional<StorageSpace> storageSpace() {
        return Optional.empty();
    }

    /**
     * Triggers the event recorders of {@code camera} (mode {@code event}) as an external event would: each starts
     * a clip, with its pre-roll, or extends the one it writes, by its {@code post.seconds}. The EventAdmin topic
     * {@code io/kapture/recorder/TRIGGER} does the same.
     *
     * @param trigger the trigger's name, which the clip's file name carries; letters, digits, '_' and '-'
     *                (others become '_'), at most 32 characters
     * @return how many event recorders were triggered (0 if the camera has none)
     */
    int trigger(String camera, String trigger);
}
