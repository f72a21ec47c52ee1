package io.kapture.engine.internal.session;

import io.kapture.api.spi.DeliveryStrategy;

/**
 * A delivery strategy service with the name it is registered under ({@link DeliveryStrategy#PROPERTY}).
 *
 * <p>Immutable; safe from any thread.
 *
 * @param name     the strategy's {@code kapture.delivery} name
 * @param strategy the service
 */
public record NamedStrategy(String name, DeliveryStrategy strategy) {
}
