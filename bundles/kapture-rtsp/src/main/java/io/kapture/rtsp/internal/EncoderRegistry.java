package io.kapture.rtsp.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.encoder.VideoEncoderFactory;

/**
 * The H.264 encoder factory services, highest service ranking first (then the oldest service), as an immutable
 * {@link EncoderChoice} snapshot rebuilt on every change. A factory whose {@value VideoEncoderFactory#CODEC} property
 * is not {@value VideoEncoderFactory#H264} is left out, whatever the configured target filter lets through: the
 * server packetizes H.264 only.
 *
 * <p>Thread-safe: changes happen under this object's lock; {@link #choice()} reads a volatile snapshot.
 */
final class EncoderRegistry {

    private record Entry(VideoEncoderFactory factory, int ranking, long serviceId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(EncoderRegistry.class);

    private final List<Entry> entries = new ArrayList<>();
    private volatile EncoderChoice choice = new EncoderChoice(List.of());

    synchronized void add(VideoEncoderFactory factory, Map<String, Object> properties) {
        Object codec = properties.get(VideoEncoderFactory.CODEC);
        if (!VideoEncoderFactory.H264.equals(codec)) {
            LOG.info("RTSP server ignores encoder {}: it produces {}, not {}", factory.name(), codec,
                    VideoEncoderFactory.H264);
            return;
        }
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        entries.add(new Entry(factory, ranking instanceof Integer value ? value : 0,
                id instanceof Long value ? value : Long.MAX_VALUE));
        rebuild();
    }

    synchronized void remove(VideoEncoderFactory factory) {
        entries.removeIf(entry -> entry.factory() == factory);
        rebuild();
    }

    EncoderChoice choice() {
        return choice;
    }

    private void rebuild() {
        choice = new EncoderChoice(entries.stream()
                .sorted(Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::serviceId))
                .map(Entry::factory).toList());
    }
}
