package io.kapture.web.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.kapture.api.listener.ListenerRegistrar;

/**
 * The open preview streams: admits a new one while fewer than {@code max.streams} are open, and closes them all
 * when the preview stops, which ends their requests.
 *
 * <p>Threading contract: safe from any thread. Admission is atomic under this object's monitor; a client that
 * closes removes itself.
 */
final class PreviewStreams {

    private final ListenerRegistrar registrar;
    private final PreviewSettings settings;
    private final Set<PreviewClient> open = ConcurrentHashMap.newKeySet();
    private boolean stopped;

    PreviewStreams(ListenerRegistrar registrar, PreviewSettings settings) {
        this.registrar = registrar;
        this.settings = settings;
    }

    /**
     * Opens a stream of {@code camera}: its listener is registered before this returns.
     *
     * @return the client, or null if {@code max.streams} are open already or the preview is stopping
     */
    PreviewClient open(String camera) {
        PreviewClient client;
        synchronized (this) {
            if (stopped || open.size() >= settings.maxStreams()) {
                return null;
            }
            client = new PreviewClient(camera, settings, open::remove);
            open.add(client);
        }
        client.subscribe(registrar);
        return client;
    }

    /** Streams open now. */
    int active() {
        return open.size();
    }

    /** Open streams, for the statistics page. */
    List<PreviewClient> clients() {
        return List.copyOf(open);
    }

    /** Closes every stream and admits no more. */
    void closeAll() {
        synchronized (this) {
            stopped = true;
        }
        for (PreviewClient client : List.copyOf(open)) {
            client.close();
        }
    }
}
