package io.kapture.v4l2;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.api.spi.DeviceInfo;
import io.kapture.v4l2.hotplug.V4l2DeviceListener;

/**
 * Keeps a current list of V4L2 nodes and tells {@link V4l2DeviceListener}s of changes. It watches the device
 * folder, and {@code v4l/by-id} and {@code v4l/by-path} once udev has made them, with a {@link WatchService}
 * (inotify on Linux: the thread sleeps in the kernel until a file changes, no polling loop), and on every change
 * rescans with {@link V4l2Discovery} and compares with the last snapshot.
 *
 * <p>Threading: one daemon thread, {@code kapture-v4l2-hotplug}, rescans and calls the listeners; {@link #devices()}
 * and the listener list may be used from any thread (the snapshot is an immutable list in a volatile field, the
 * listeners a copy-on-write list). {@link #close()} stops the thread and waits for it.
 */
public final class V4l2DeviceWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(V4l2DeviceWatcher.class);

    private final V4l2Discovery discovery;
    private final WatchService watchService;
    private final List<V4l2DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Path, WatchKey> watched = new HashMap<>();
    /** Per node, the last description its driver answered; only the watcher's thread uses it after start. */
    private final Map<String, DeviceInfo> answered = new HashMap<>();
    private final Thread thread;
    private volatile List<DeviceInfo> devices;

    /**
     * Scans once and starts watching.
     *
     * @throws CaptureException if the device folder cannot be watched
     */
    public V4l2DeviceWatcher(V4l2Discovery discovery) {
        this.discovery = discovery;
        try {
            this.watchService = FileSystems.getDefault().newWatchService();
            watchFolders();
        } catch (IOException e) {
            throw new CaptureException("cannot watch " + discovery.devRoot() + " for cameras: " + e.getMessage(), e);
        }
        this.devices = discovery.devices();
        remember(devices);
        this.thread = new Thread(this::run, "kapture-v4l2-hotplug");
        thread.setDaemon(true);
        thread.start();
    }

    /** The nodes present at the last change. */
    public List<DeviceInfo> devices() {
        return devices;
    }

    public void addListener(V4l2DeviceListener listener) {
        listeners.add(listener);
    }

    public void removeListener(V4l2DeviceListener listener) {
        listeners.remove(listener);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                key.pollEvents();
                key.reset();
                rescan();
            }
        } catch (ClosedWatchServiceException e) {
            LOG.debug("stopped watching {}", discovery.devRoot());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rescan() {
        try {
            watchFolders();
        } catch (IOException e) {
            LOG.warn("cannot watch the stable names under {}: {}", discovery.devRoot(), e.getMessage());
        }
        List<DeviceInfo> now = discovery.devices();
        Map<String, DeviceInfo> before = byNode(devices);
        Map<String, DeviceInfo> after = byNode(now);
        devices = now;
        before.forEach((node, info) -> {
            if (!after.containsKey(node)) {
                // a node going away often fails its last query first (the driver is unbinding): name it by what
                // its driver said while it could, not by the node name the failed query fell back on
                DeviceInfo known = answered.getOrDefault(node, info);
                answered.remove(node);
                LOG.info("camera removed: {} ({})", node, known.card());
                notify(listener -> listener.deviceRemoved(known));
            }
        });
        remember(now);
        after.forEach((node, info) -> {
            DeviceInfo old = before.get(node);
            if (old == null) {
                LOG.info("camera added: {} ({}, {})", node, info.card(), info.stableNames());
                notify(listener -> listener.deviceAdded(info));
            } else if (!old.equals(info)) {
                notify(listener -> listener.deviceChanged(info));
            }
        });
    }

    /** Keeps the descriptions of nodes whose driver answered (an unavailable node has no driver name). */
    private void remember(List<DeviceInfo> scanned) {
        scanned.stream().filter(info -> !info.driver().isEmpty()).forEach(info -> answered.put(info.device(), info));
    }

    private void watchFolders() throws IOException {
        Path root = discovery.devRoot();
        for (Path folder : List.of(root, root.resolve("v4l/by-id"), root.resolve("v4l/by-path"))) {
            WatchKey key = watched.get(folder);
            if ((key == null || !key.isValid()) && Files.isDirectory(folder)) {
                watched.put(folder, folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE));
            }
        }
        if (!watched.containsKey(root)) {
            throw new IOException(root + " is not a folder");
        }
    }

    private void notify(Consumer<V4l2DeviceListener> call) {
        for (V4l2DeviceListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("device listener {} failed", listener, e);
            }
        }
    }

    private static Map<String, DeviceInfo> byNode(List<DeviceInfo> list) {
        Map<String, DeviceInfo> map = new LinkedHashMap<>();
        list.forEach(info -> map.put(info.device(), info));
        return map;
    }

    /** Stops watching; idempotent. */
    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service failed: {}", e.getMessage());
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
