package io.kapture.api.encoder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Constants;

/**
 * The H.264 {@link VideoEncoderFactory} services a component is bound to, highest service ranking first (then the
 * oldest service), as an immutable {@link EncoderChoice} snapshot rebuilt on every change. A component with a
 * dynamic, multiple reference to the factories calls {@link #add} and {@link #remove} from its bind and unbind
 * methods. A factory whose {@value VideoEncoderFactory#CODEC} property is not {@value VideoEncoderFactory#H264} is
 * left out, whatever a configured target filter lets through: Kapture's consumers take H.264 only.
 *
 * <p>Thread-safe: changes happen under this object's lock; {@link #choice()} reads a volatile snapshot, a new
 * object after every change (so a consumer can tell that the set changed by identity).
 */
public final class EncoderRanking {

    private record Entry(VideoEncoderFactory factory, int ranking, long serviceId) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private volatile EncoderChoice choice = new EncoderChoice(List.of());

    /**
     * A factory service appeared, with its service properties (codec, ranking and id are read from them).
     *
     * @return false if it was left out, as it does not produce H.264 (the caller may say so)
     */
    public synchronized boolean add(VideoEncoderFactory factory, Map<String, Object> properties) {
        if (!VideoEncoderFactory.H264.equals(properties.get(VideoEncoderFactory.CODEC))) {
            return false;
        }
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        entries.add(new Entry(factory, ranking instanceof Integer value ? value : 0,
                id instanceof Long value ? value : Long.MAX_VALUE));
        rebuild();
        return true;
    }

    /** A factory service went away. */
    public synchronized void remove(VideoEncoderFactory factory) {
        entries.removeIf(entry -> entry.factory() == factory);
        rebuild();
    }

    /** The factories now, best first. */
    public EncoderChoice choice() {
        return choice;
    }

    private void rebuild() {
        choice = new EncoderChoice(entries.stream()
                .sorted(Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::serviceId))
                .map(Entry::factory).toList());
    }
}
