package io.kapture.engine.internal.session;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.spi.DeliveryStrategy;

/**
 * Which delivery strategy wraps a stream's frames, and the switch to another one while it runs: the configured
 * strategy, unless it lends driver buffers and the source cannot lend them ({@link DeliveryChoice}), which is
 * logged with the reason at open and at every switch.
 *
 * <p>Threading contract: {@link #choose} at open and {@link #switchStrategy} run on the session's control thread,
 * one at a time; {@link #delivery} and {@link #uses} may be called from any thread. {@code delivery} is volatile
 * for those readers; the loop's own strategy is volatile too and changes at its next frame
 * ({@link CaptureLoop#switchTo}), so frames already wrapped keep theirs.
 */
final class StrategySelection {

    private static final Logger LOG = LoggerFactory.getLogger(StrategySelection.class);

    private final String camera;
    private final String device;
    /** Why the source's buffers cannot be lent to listeners (asked once, at open); null if they can. */
    private final String lendingHazard;
    private final Function<String, Optional<NamedStrategy>> registered;
    private final CaptureLoop loop;

    private volatile DeliveryChoice delivery;

    StrategySelection(String camera, String device, String lendingHazard,
            Function<String, Optional<NamedStrategy>> registered, DeliveryChoice delivery, CaptureLoop loop) {
        this.camera = camera;
        this.device = device;
        this.lendingHazard = lendingHazard;
        this.registered = registered;
        this.delivery = delivery;
        this.loop = loop;
    }

    /**
     * The strategy to deliver with: {@code strategy}, or a copying one of {@code registered} if it lends driver
     * buffers and the source cannot lend them ({@code lendingHazard} non-null), logged with the reason.
     */
    static DeliveryChoice choose(String camera, String device, NamedStrategy strategy, String lendingHazard,
            Function<String, Optional<NamedStrategy>> registered) {
        DeliveryChoice choice = DeliveryChoice.of(strategy, Optional.ofNullable(lendingHazard), registered);
        choice.fallback().ifPresent(why -> LOG.warn("Camera {} ('{}', configured delivery {}): {}", camera, device,
                choice.configured().name(), why));
        return choice;
    }

    /**
     * Delivers with {@code strategy} from the next frame on, or with a copying one if it lends driver buffers and
     * this stream's source cannot lend them (logged with the reason, as at open).
     */
    void switchStrategy(NamedStrategy strategy) {
        DeliveryChoice next = choose(camera, device, strategy, lendingHazard, registered);
        delivery = next;
        loop.switchTo(next.effective());
    }

    /** The configured and the effective strategy, and why they differ. Any thread. */
    DeliveryChoice delivery() {
        return delivery;
    }

    /**
     * Whether {@code strategy} is configured or current ({@link DeliveryChoice}) or wrapped
     * any frame of this stream.
     */
    boolean uses(DeliveryStrategy strategy) {
        if (loop.strategy().strategy() == strategy || delivery.names(strategy)) {
            return true;
        }
        return loop.usedStrategies().stream().anyMatch(used -> used.strategy() == strategy);
    }
}
