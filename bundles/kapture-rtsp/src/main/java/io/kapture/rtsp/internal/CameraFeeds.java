package io.kapture.rtsp.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.kapture.api.encoder.EncoderChoice;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.listener.ListenerRegistrar;

/**
 * The open {@link CameraFeed}s, one per camera, shared by every connection that leases it: the first lease opens a
 * camera's feed, the last one's release closes it, so a camera is encoded exactly while somebody watches (or is
 * about to).
 *
 * <p>Thread-safe: the map and lease counts are guarded by this object's lock; feeds are started and closed outside
 * it (closing waits for a frame being encoded).
 */
final class CameraFeeds {

    /** RTP packets at most this large: under a typical 1500-byte MTU with IP and UDP headers. */
    static final int MAX_PACKET = 1400;

    private final ListenerRegistrar registrar;
    private final Supplier<EncoderChoice> encoders;
    private final Cameras cameras;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> feeds = new HashMap<>();
    private volatile EncoderSettings settings;

    CameraFeeds(ListenerRegistrar registrar, Supplier<EncoderChoice> encoders, Cameras cameras,
            EncoderSettings settings) {
        this.registrar = registrar;
        this.encoders = encoders;
        this.cameras = cameras;
        this.settings = settings;
    }

    /**
     * A lease on the camera's feed, opening it if nobody holds one.
     *
     * @throws StreamUnavailableException if there is no such camera
     */
    Lease acquire(String camera) throws StreamUnavailableException {
        OptionalDouble fps = cameras.configuredFps(camera);
        if (fps.isEmpty()) {
            throw new StreamUnavailableException("there is no camera '" + camera + "' (kapture:cameras lists them)");
        }
        Entry entry;
        boolean created = false;
        synchronized (this) {
            entry = feeds.get(camera);
            if (entry == null) {
                RtpPacketizer packetizer = new RtpPacketizer(MAX_PACKET, random.nextInt(), random.nextInt(),
                        random.nextInt());
                entry = new Entry(new CameraFeed(camera, registrar, encoders, settingsFor(settings, fps.getAsDouble()),
                        packetizer), fps.getAsDouble());
                feeds.put(camera, entry);
                created = true;
            }
            entry.leases++;
        }
        if (created) {
            entry.feed.start();
        }
        return new Lease(entry);
    }

    /** New encoder settings for every open feed (and those opened later). */
    void reconfigure(EncoderSettings newSettings) {
        settings = newSettings;
        List<Entry> open;
        synchronized (this) {
            open = new ArrayList<>(feeds.values());
        }
        for (Entry entry : open) {
            entry.feed.reconfigure(settingsFor(newSettings, entry.fps));
        }
    }

    /** The open feed of a camera, if any (for statistics and tests). */
    synchronized CameraFeed feed(String camera) {
        Entry entry = feeds.get(camera);
        return entry == null ? null : entry.feed;
    }

    synchronized int openFeeds() {
        return feeds.size();
    }

    /** Closes every feed (the server stops); leases still held later release nothing. */
    void closeAll() {
        List<Entry> open;
        synchronized (this) {
            open = new ArrayList<>(feeds.values());
            feeds.clear();
        }
        for (Entry entry : open) {
            entry.feed.close();
        }
    }

    private void release(Entry entry) {
        synchronized (this) {
            if (--entry.leases > 0 || feeds.get(entry.feed.camera()) != entry) {
                return;
            }
            feeds.remove(entry.feed.camera());
        }
        entry.feed.close();
    }

    /** The server's settings with the camera's frame rate (30 when it runs as fast as it can). */
    private static EncoderSettings settingsFor(EncoderSettings settings, double fps) {
        return settings.withFrameRate(fps > 0 ? Math.min(fps, 240) : 30);
    }

    private static final class Entry {
        final CameraFeed feed;
        final double fps;
        int leases;

        Entry(CameraFeed feed, double fps) {
            this.feed = feed;
            this.fps = fps;
        }
    }

    /** A hold on a camera's feed; closing it (once; later calls do nothing) may close the feed. */
    final class Lease implements AutoCloseable {
        private final Entry entry;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Entry entry) {
            this.entry = entry;
        }

        CameraFeed feed() {
            return entry.feed;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(entry);
            }
        }
    }
}
