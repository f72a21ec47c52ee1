package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.processor.recorder.RecordingEvents;

/**
 * One recorder's video files from first frame to last: opens a file at a key frame, rotates it before it would pass
 * the size limit, once it spans the duration limit and when the frame size or the stream's parameter sets change,
 * checkpoints it every {@value #CHECKPOINT_SECONDS} s of capture time (checking it is still there), finishes it, and
 * tells the {@link RecordingAnnouncer} each step.
 *
 * <p>Rotation by size waits for a key frame, as a file must begin with one. An encoder the recorder drives is asked
 * for one at once (the next frame, with OpenH264); a camera's own H.264 comes only at the camera's own interval, so a
 * file is also rotated at a key frame when the group of pictures just ended ({@link GopEstimate}), repeated, would
 * carry it past the limit. A file passes the limit only when a group is much larger than the one before it.
 *
 * <p>Threading contract: not thread-safe; the owning {@link CameraRecorder} calls everything under its lock, so one
 * thread at a time. Writing, checkpointing and finishing do blocking file I/O on the calling thread (the recorder's
 * delivery thread, or the thread that stops it); the announcer's events are only queued here and posted by the
 * recorder once it lets go of its lock.
 */
final class FileLifecycle {

    static final int CHECKPOINT_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(FileLifecycle.class);

    private final RecorderSettings settings;
    private final RecordingFiles files;
    private final VideoSink.Factory sinks;
    private final Runnable keyframeRequest;
    private final RecordingAnnouncer announcer;
    private final GopEstimate gops = new GopEstimate();

    private VideoSink writer;
    private long startNanos;
    private int width;
    private int height;
    private long lastCheckpointNanos;
    private long filesCompleted;
    /** Files whose finishing failed: they may lack their index or last fragment. */
    private long filesUnfinished;
    /** Bytes of the files finished with frames in them. */
    private long bytesFinished;
    /** Why the file the last {@link #write} rotated away from could not be finished, or null. */
    private String rotationFailure;

    /** @param keyframeRequest asks the encoder for a key frame (a new file must begin with one) */
    FileLifecycle(RecorderSettings settings, RecordingFiles files, VideoSink.Factory sinks, Runnable keyframeRequest,
            RecordingAnnouncer announcer) {
        this.settings = settings;
        this.files = files;
        this.sinks = sinks;
        this.keyframeRequest = keyframeRequest;
        this.announcer = announcer;
    }

    /** The file being written, or null between files. */
    VideoSink current() {
        return writer;
    }

    Optional<Path> path() {
        return Optional.ofNullable(writer).map(VideoSink::path);
    }

    long filesCompleted() {
        return filesCompleted;
    }

    long filesUnfinished() {
        return filesUnfinished;
    }

    /** Bytes of the files finished so far and of the current one, if it holds a frame. */
    long bytesWritten() {
        return bytesFinished + (writer == null || writer.frames() == 0 ? 0 : writer.bytes());
    }

    /**
     * Writes one frame, rotating or beginning a file first where due; a frame that cannot begin a file (not a key
     * frame) asks for one and is left out.
     *
     * @param trigger the clip's trigger, or null for a continuous recording (the file's name says which)
     * @return whether the frame was written; a file rotated away from that could not be finished does not keep the
     *         frame from the next file, and is told by {@link #rotationFailure()}
     * @throws IOException if a file cannot be begun, written or checkpointed, or vanished while written (the caller
     *                     then finishes it with {@link RecordingEvents#REASON_ERROR})
     */
    boolean write(EncodedFrame frame, String trigger) throws IOException {
        rotationFailure = null;
        if (writer != null && mustRotate(frame)) {
            // the frame still goes into the next file; the recorder shows the failure (rotationFailure())
            rotationFailure = finish(RecordingEvents.REASON_ROTATED, null);
        }
        if (writer == null && !frame.keyFrame()) {
            keyframeRequest.run();
            return false;
        }
        if (writer == null) {
            begin(frame, trigger);
        }
        writer.write(frame);
        gops.add(frame, writer.frameOverhead());
        announcer.written(writer);
        long now = frame.timestampNanos();
        if (now - lastCheckpointNanos >= TimeUnit.SECONDS.toNanos(CHECKPOINT_SECONDS)) {
            if (!Files.exists(writer.path(), LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(writer.path() + " vanished while being written (was its folder deleted"
                        + " or moved?); a new file follows in the folder, made again");
            }
            writer.checkpoint();
            lastCheckpointNanos = now;
        }
        return true;
    }

    /**
     * What went wrong finishing the file the last {@link #write} rotated away from (a close that could not write
     * the file's index or last fragment: a full disk, a file gone), or null if it rotated none or finished it well.
     * Set also when that write then threw.
     */
    String rotationFailure() {
        return rotationFailure;
    }

    /**
     * Closes the current file, if any, keeping what it holds; a file without frames is deleted.
     *
     * @param reason a {@link RecordingEvents} REASON_
     * @param error  what went wrong, with {@link RecordingEvents#REASON_ERROR}
     * @return what went wrong finishing it, or null
     */
    String finish(String reason, String error) {
        VideoSink finishing = writer;
        if (finishing == null) {
            return null;
        }
        writer = null;
        // an interrupt meant for a wait (the engine sends one to a listener that does not return when
        // unsubscribed) must not cut the finishing short: it would close the channel again
        boolean interrupted = Thread.interrupted();
        try {
            finishing.close();
            if (finishing.frames() == 0) {
                // its first frame failed (a disk still full): a file without frames is no recording
                Files.deleteIfExists(finishing.path());
                return null;
            }
            filesCompleted++;
            bytesFinished += finishing.bytes();
            LOG.info("Camera {} recorded {}: {} frames, {} bytes, {} ms", settings.camera(), finishing.path(),
                    finishing.frames(), finishing.bytes(), TimeUnit.NANOSECONDS.toMillis(finishing.durationNanos()));
            announcer.finished(finishing, reason, RecordingEvents.REASON_ERROR.equals(reason) ? error : null);
            return null;
        } catch (IOException e) {
            filesCompleted += finishing.frames() == 0 ? 0 : 1;
            filesUnfinished++;
            bytesFinished += finishing.frames() == 0 ? 0 : finishing.bytes();
            String failure = "finishing " + finishing.path() + ": " + e.getMessage();
            LOG.warn("Camera {}: {}", settings.camera(), failure);
            announcer.finished(finishing, RecordingEvents.REASON_ERROR, failure);
            return failure;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether {@code frame} must begin a new file. A rotation due at a frame that is not a key frame (H.264) asks
     * the encoder for one and waits for it: the file then passes its limits by the frames until it comes.
     */
    private boolean mustRotate(EncodedFrame frame) {
        long limit = settings.maxFileBytes();
        boolean due = writer.bytes() + frame.size() + writer.frameOverhead() > limit
                || frame.keyFrame() && gops.wouldPass(writer.bytes(), limit)
                || settings.maxFileNanos() > 0 && frame.timestampNanos() - startNanos >= settings.maxFileNanos()
                || frame.width() != width || frame.height() != height || !writer.accepts(frame);
        if (due && !frame.keyFrame()) {
            keyframeRequest.run();
            return false;
        }
        return due;
    }

    private void begin(EncodedFrame frame, String trigger) throws IOException {
        Path path = trigger == null ? files.next(frame.wallClockMillis())
                : files.nextClip(frame.wallClockMillis(), trigger);
        writer = sinks.create(path, frame.width(), frame.height());
        width = frame.width();
        height = frame.height();
        startNanos = frame.timestampNanos();
        lastCheckpointNanos = frame.timestampNanos();
        announcer.opened(path, trigger, frame.wallClockMillis());
        LOG.info("Camera {} records to {}", settings.camera(), path);
    }
}
