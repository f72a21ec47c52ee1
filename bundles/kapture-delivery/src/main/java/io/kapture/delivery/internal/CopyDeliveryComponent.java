package io.kapture.delivery.internal;

import org.osgi.service.component.annotations.Component;

import io.kapture.api.Frame;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;

/**
 * Registers {@link CopyDelivery} as the {@value DeliveryStrategy#COPY} delivery strategy.
 *
 * <p>Threading contract: as {@link CopyDelivery}; stateless.
 */
@Component(service = DeliveryStrategy.class, property = DeliveryStrategy.PROPERTY + "=" + DeliveryStrategy.COPY)
public final class CopyDeliveryComponent implements DeliveryStrategy {

    private final CopyDelivery delivery = new CopyDelivery();

    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        return delivery.wrap(buffer, context);
    }
}
