package io.kapture.processor.recorder.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.processor.recorder.RecordingEvents;

/**
 * Tells EventAdmin what one recorder's files do ({@link RecordingEvents}): the events are built where the file's
 * figures are consistent, under the recorder's lock, and queued; {@link #flush} posts them once the recorder has
 * let go of its lock, so neither a handler nor EventAdmin's own bookkeeping ever holds up a frame's write, and
 * {@code postEvent} (never {@code sendEvent}) hands them to EventAdmin's threads. Without an EventAdmin the queued
 * events are dropped: nobody could be listening.
 *
 * <p>Threading contract: {@link #opened}, {@link #written}, {@link #extended}, {@link #finished} and
 * {@link #failed} are called by the owning recorder under its lock (they touch the current file's fields unguarded); {@link #flush} from any thread,
 * serialised on this object so events leave in the order they were queued. The queue is emptied after every frame,
 * so it holds at most the few events one frame causes.
 */
final class RecordingAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingAnnouncer.class);

    private final String camera;
    private final Queue<Event> pending = new ConcurrentLinkedQueue<>();

    // the owner's, under its lock: the file being written
    private Path path;
    private String trigger;
    private long startMillis;
    private boolean startAnnounced;

    RecordingAnnouncer(String camera) {
        this.camera = camera;
    }

    /** {@code file} was opened for a clip of {@code clipTrigger} (null: continuous), its first frame taken then. */
    void opened(Path file, String clipTrigger, long firstFrameMillis) {
        this.path = file;
        this.trigger = clipTrigger;
        this.startMillis = firstFrameMillis;
        this.startAnnounced = false;
    }

    /** A frame was written to {@code file}: the first one makes the file begun. */
    void written(VideoSink file) {
        if (!startAnnounced) {
            startAnnounced = true;
            pending.add(new Event(RecordingEvents.TOPIC_STARTED, fileProperties(file.path())));
        }
    }

    /** {@code file}, begun, was closed for {@code reason}; {@code error} with {@link RecordingEvents#REASON_ERROR}. */
    void finished(VideoSink file, String reason, String error) {
        if (!startAnnounced) {
            return;
        }
        startAnnounced = false;
        Map<String, Object> properties = fileProperties(file.path());
        long durationMillis = file.durationNanos() / 1_000_000;
        properties.put(RecordingEvents.END_MILLIS, startMillis + durationMillis);
        properties.put(RecordingEvents.DURATION_MILLIS, durationMillis);
        properties.put(RecordingEvents.FRAMES, (long) file.frames());
        properties.put(RecordingEvents.BYTES, file.bytes());
        properties.put(RecordingEvents.REASON, reason);
        if (error != null) {
            properties.put(RecordingEvents.ERROR, error);
        }
        pending.add(new Event(RecordingEvents.TOPIC_FINISHED, properties));
    }

    /** The clip being written was extended by {@code by} (nothing if null) at the frame taken at atMillis. */
    void extended(String by, long atMillis) {
        if (by == null || !startAnnounced) {
            return;
        }
        Map<String, Object> properties = fileProperties(path);
        properties.put(RecordingEvents.EXTENDED_BY, by);
        properties.put(RecordingEvents.EXTENDED_MILLIS, atMillis);
        pending.add(new Event(RecordingEvents.TOPIC_EXTENDED, properties));
    }

    /** No file could be begun; the recorder pauses. */
    void failed(String error) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(RecordingEvents.CAMERA, camera);
        properties.put(RecordingEvents.ERROR, error);
        properties.put(EventConstants.TIMESTAMP, System.currentTimeMillis());
        pending.add(new Event(RecordingEvents.TOPIC_FAILED, properties));
    }

    /** Posts what was queued to {@code eventAdmin}, or drops it if there is none (null). */
    void flush(EventAdmin eventAdmin) {
        if (pending.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (Event event = pending.poll(); event != null; event = pending.poll()) {
                if (eventAdmin != null) {
                    post(eventAdmin, event);
                }
            }
        }
    }

    private void post(EventAdmin eventAdmin, Event event) {
        try {
            eventAdmin.postEvent(event);
        } catch (RuntimeException e) {
            // EventAdmin going away meanwhile (its bundle stopping): the recording itself is unaffected
            LOG.debug("Camera {}: event {} not posted: {}", camera, event.getTopic(), e.toString());
        }
    }

    private Map<String, Object> fileProperties(Path path) {
        String name = path.getFileName().toString();
        Map<String, Object> properties = new HashMap<>();
        properties.put(RecordingEvents.CAMERA, camera);
        properties.put(RecordingEvents.PATH, path.toAbsolutePath().toString());
        properties.put(RecordingEvents.FILE, name);
        properties.put(RecordingEvents.FORMAT, name.substring(name.lastIndexOf('.') + 1));
        properties.put(RecordingEvents.KIND, trigger == null ? RecordingEvents.KIND_CONTINUOUS
                : RecordingEvents.KIND_EVENT);
        if (trigger != null) {
            properties.put(RecordingEvents.TRIGGER, trigger);
        }
        properties.put(RecordingEvents.START_MILLIS, startMillis);
        properties.put(EventConstants.TIMESTAMP, System.currentTimeMillis());
        return properties;
    }
}
