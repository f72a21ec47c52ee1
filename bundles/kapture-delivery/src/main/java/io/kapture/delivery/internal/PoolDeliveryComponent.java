package io.kapture.delivery.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.FramePool;
import io.kapture.api.spi.DeliveryContext;
import io.kapture.api.spi.DeliveryStrategy;
import io.kapture.api.spi.DriverBuffer;

/**
 * Registers {@link PoolDelivery} as the {@value DeliveryStrategy#POOL} delivery strategy, using the
 * {@link FramePool} service and the buffer kind of configuration PID {@value #PID}.
 *
 * <p>Threading contract: as {@link PoolDelivery}; SCR serialises activation and {@link #modified}. A rejected
 * {@code max.held.bytes} is logged and the previous limit kept.
 */
@Component(service = DeliveryStrategy.class, property = DeliveryStrategy.PROPERTY + "=" + DeliveryStrategy.POOL,
        configurationPid = PoolDeliveryComponent.PID)
@Designate(ocd = PoolDeliveryConfig.class)
public final class PoolDeliveryComponent implements DeliveryStrategy {

    /** The configuration PID. */
    static final String PID = PoolDelivery.PID;

    private static final Logger LOG = LoggerFactory.getLogger(PoolDeliveryComponent.class);

    private final PoolDelivery delivery;

    @Activate
    public PoolDeliveryComponent(@Reference(name = "pool") FramePool pool, PoolDeliveryConfig config) {
        delivery = new PoolDelivery(pool, config.buffer_kind());
        apply(config);
    }

    @Modified
    void modified(PoolDeliveryConfig config) {
        apply(config);
        LOG.info("Pool delivery now copies into {} buffers and takes back the oldest frames held beyond {} bytes",
                config.buffer_kind(), config.max_held_bytes());
    }

    private void apply(PoolDeliveryConfig config) {
        delivery.bufferKind(config.buffer_kind());
        try {
            delivery.maxHeldBytes(config.max_held_bytes());
        } catch (IllegalArgumentException e) {
            LOG.error("Rejected max.held.bytes of {}: {}; keeping {} bytes", PID, e.getMessage(),
                    delivery.maxHeldBytes());
        }
    }

    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        return delivery.wrap(buffer, context);
    }
}
