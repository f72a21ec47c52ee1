package io.kapture.delivery.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
 * Registers {@link ZeroCopyDelivery} as the {@value DeliveryStrategy#ZEROCOPY} delivery strategy, tuned by
 * configuration PID {@value ZeroCopySettings#PID}; its fallback copies come from the {@link FramePool} service.
 *
 * <p>Threading contract: as {@link ZeroCopyDelivery}; SCR serialises activation, {@link #modified} and
 * {@link #deactivate}, which stops the reaper thread and takes back every frame still leased. A rejected
 * configuration change is logged and the previous settings kept.
 */
@Component(service = DeliveryStrategy.class,
        property = DeliveryStrategy.PROPERTY + "=" + DeliveryStrategy.ZEROCOPY,
        configurationPid = ZeroCopySettings.PID)
@Designate(ocd = ZeroCopyDeliveryConfig.class)
public final class ZeroCopyDeliveryComponent implements DeliveryStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ZeroCopyDeliveryComponent.class);

    private final ZeroCopyDelivery delivery;

    @Activate
    public ZeroCopyDeliveryComponent(@Reference(name = "pool") FramePool pool, ZeroCopyDeliveryConfig config) {
        delivery = new ZeroCopyDelivery(pool, settings(config));
    }

    @Modified
    void modified(ZeroCopyDeliveryConfig config) {
        try {
            delivery.update(settings(config));
            LOG.info("Zero-copy delivery now copies below {} queued buffer(s), leases frames for {} ms and takes back "
                    + "the oldest fallback copies held beyond {} bytes", config.min_queued(), config.lease_timeout_ms(),
                    config.max_held_bytes());
        } catch (IllegalArgumentException e) {
            LOG.error("Rejected configuration {}: {}; keeping {}", ZeroCopySettings.PID, e.getMessage(),
                    delivery.settings());
        }
    }

    @Deactivate
    void deactivate() {
        delivery.close();
    }

    @Override
    public Frame wrap(DriverBuffer buffer, DeliveryContext context) {
        return delivery.wrap(buffer, context);
    }

    @Override
    public void close(DeliveryContext context) {
        delivery.close(context);
    }

    @Override
    public boolean lendsDriverBuffers() {
        return delivery.lendsDriverBuffers();
    }

    private static ZeroCopySettings settings(ZeroCopyDeliveryConfig config) {
        return new ZeroCopySettings(config.min_queued(), config.lease_timeout_ms(), config.max_held_bytes());
    }
}
