package io.kapture.processor.recorder;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What every configured recorder is doing: the file it writes and how far it got. Registered once by the
 * recorder bundle, whether or not any recorder is configured.
 *
 * <p>Thread-safety: every method may be called from any thread, while frames are being recorded; each
 * {@link RecordingProgress} is a consistent snapshot of one recorder.
 */
@ProviderType
public interface Recordings {

    /** One snapshot per configured recorder, ordered by camera name, then by file. */
    List<RecordingProgress> recordings();

    /** The snapshots of the recorders of one camera (usually one; empty if it has none). */
    List<RecordingProgress> recordings(String camera);
}
