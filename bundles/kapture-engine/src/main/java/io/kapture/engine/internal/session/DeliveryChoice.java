package io.kapture.engine.internal.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.kapture.api.spi.DeliveryStrategy;

/**
 * Which strategy delivers a stream's frames: the configured one, unless it lends the driver's buffers to listeners
 * (zero-copy) and the source cannot lend them safely ({@link io.kapture.api.spi.CaptureSource#whyBuffersCannotBeLent()}:
 * v4l2loopback writes over a buffer a listener still holds, libcamera's layer stops while one is held). Then a
 * copying strategy delivers instead, {@code pool} if registered, else {@code copy}, and {@link #fallback()} says
 * why: correct frames by default, and the user told. With no copying strategy registered the configured one
 * delivers anyway and the reason says that frames may change under their listeners.
 *
 * <p>Immutable; safe from any thread.
 */
final class DeliveryChoice {

    /** The copying strategies to deliver with instead, best first. */
    private static final List<String> COPYING = List.of(DeliveryStrategy.POOL, DeliveryStrategy.COPY);

    private final NamedStrategy configured;
    private final NamedStrategy effective;
    private final String fallback;

    private DeliveryChoice(NamedStrategy configured, NamedStrategy effective, String fallback) {
        this.configured = configured;
        this.effective = effective;
        this.fallback = fallback;
    }

    /**
     * @param configured  the strategy the configuration names
     * @param hazard      why the source's buffers cannot be lent; empty if they can
     * @param registered  the registered strategy of a name, if any
     */
    static DeliveryChoice of(NamedStrategy configured, Optional<String> hazard,
            Function<String, Optional<NamedStrategy>> registered) {
        if (hazard.isEmpty() || !configured.strategy().lendsDriverBuffers()) {
            return new DeliveryChoice(configured, configured, null);
        }
        for (String name : COPYING) {
            Optional<NamedStrategy> copying = registered.apply(name)
                    .filter(candidate -> !candidate.strategy().lendsDriverBuffers());
            if (copying.isPresent()) {
                return new DeliveryChoice(configured, copying.get(), "delivering with " + name + " instead of "
                        + configured.name() + ": " + hazard.get());
            }
        }
        return new DeliveryChoice(configured, configured, "delivering with " + configured.name()
                + " although " + hazard.get() + "; no copying delivery strategy (" + String.join(", ", COPYING)
                + ") is registered, so frames listeners hold may change under them");
    }

    NamedStrategy configured() {
        return configured;
    }

    /** The strategy that wraps the frames. */
    NamedStrategy effective() {
        return effective;
    }

    /** Why the frames are not delivered as configured, or with a hazard; empty when they are, safely. */
    Optional<String> fallback() {
        return Optional.ofNullable(fallback);
    }

    /** Whether {@code strategy} is the configured or the effective one. */
    boolean names(DeliveryStrategy strategy) {
        return configured.strategy() == strategy || effective.strategy() == strategy;
    }
}
