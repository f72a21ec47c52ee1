package io.kapture.processor.recorder;

import java.util.Optional;

/**
 * One video file in Kapture's storage directory, as its name and its header describe it: continuous recordings
 * ({@code <camera>-<yyyyMMdd-HHmmss-SSS>.avi}, or {@code .mp4} for H.264) and event clips
 * ({@code <camera>-<yyyyMMdd-HHmmss-SSS>.<trigger>.avi} or {@code .mp4}), the time being the first frame's, in UTC.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param camera         the camera, as its name appears in file names
 * @param path           the file, absolute
 * @param trigger        what started an event clip; empty for continuous recordings
 * @param startMillis    wall-clock time of the first frame, from the name
 * @param bytes          the file's size now
 * @param frames         frames the header counts (a file cut short by a crash counts to its last checkpoint), or
 *                       for MP4 the frames of its whole fragments
 * @param durationMillis playing time: frames times the frame interval in the header, or for MP4 the sum of the
 *                       fragments' frame durations
 * @param writing        whether a recorder is writing it now (retention never deletes such a file)
 */
public record RecordedFile(String camera, String path, Optional<String> trigger, long startMillis, long bytes,
        long frames, long durationMillis, boolean writing) {
}
