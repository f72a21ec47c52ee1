package io.kapture.engine.internal.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.FrameListener;
import io.kapture.api.FramePool;
import io.kapture.api.FramePoolStats;
import io.kapture.api.spi.CaptureSourceProvider;
import io.kapture.api.spi.DeliveryStrategy;

/**
 * The services one camera can use right now: capture source providers, delivery strategies, listeners and the
 * frame pool, as the component's dynamic references come and go.
 *
 * <p>Threading contract: the lists are copy-on-write, so lookups and snapshots are safe from any thread without
 * a lock and never see a half-made change. Changes come from the session's control thread (the pool also from
 * SCR's threads: it only feeds statistics), so that a change and the session's reaction to it are one task.
 */
final class SessionServices {

    private static final Logger LOG = LoggerFactory.getLogger(SessionServices.class);

    private final List<CaptureSourceProvider> providers = new CopyOnWriteArrayList<>();
    private final List<NamedStrategy> strategies = new CopyOnWriteArrayList<>();
    private final List<ListenerEntry> listeners = new CopyOnWriteArrayList<>();
    private volatile FramePool pool;

    void addProvider(CaptureSourceProvider provider) {
        if (!providers.contains(provider)) {
            providers.add(provider);
        }
    }

    void removeProvider(CaptureSourceProvider provider) {
        providers.remove(provider);
    }

    /** The first provider that handles {@code device}, in the order they arrived; a provider that throws is skipped. */
    Optional<CaptureSourceProvider> providerFor(String device) {
        for (CaptureSourceProvider provider : providers) {
            try {
                if (provider.handles(device)) {
                    return Optional.of(provider);
                }
            } catch (RuntimeException e) {
                LOG.warn("Capture source provider {} failed to say whether it handles device '{}'",
                        provider.getClass().getName(), device, e);
            }
        }
        return Optional.empty();
    }

    void addStrategy(NamedStrategy strategy) {
        strategies.add(strategy);
    }

    void removeStrategy(DeliveryStrategy strategy) {
        strategies.removeIf(named -> named.strategy() == strategy);
    }

    /** The first strategy registered under {@code name}. */
    Optional<NamedStrategy> strategy(String name) {
        return strategies.stream().filter(named -> named.name().equals(name)).findFirst();
    }

    /** The names of the strategies there are, for messages. */
    String strategyNames() {
        String names = strategies.stream().map(NamedStrategy::name).distinct().sorted()
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    /** Adds or replaces the entry of {@code entry}'s listener. */
    void putListener(ListenerEntry entry) {
        removeListener(entry.listener());
        listeners.add(entry);
    }

    void removeListener(FrameListener listener) {
        listeners.removeIf(entry -> entry.listener() == listener);
    }

    List<ListenerEntry> listeners() {
        return List.copyOf(listeners);
    }

    void setPool(FramePool next) {
        pool = next;
    }

    /** Forgets the pool if it is {@code gone}; a newer pool bound first stays. */
    void unsetPool(FramePool gone) {
        if (pool == gone) {
            pool = null;
        }
    }

    Optional<FramePoolStats> poolStats() {
        FramePool current = pool;
        return current == null ? Optional.empty() : Optional.of(current.stats());
    }
}
