package io.kapture.pool.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.FramePool;
import io.kapture.api.FramePoolStats;

/**
 * The {@link FramePool} service: a thin Declarative Services shell around {@link BoundedFramePool}, whose byte
 * budget comes from configuration PID {@value #PID} and can be changed while frames flow.
 *
 * <p>Threading contract: as {@link BoundedFramePool}, every method from any thread. SCR serialises activation and
 * {@link #modified}; a rejected configuration is logged and the previous budget kept.
 */
@Component(service = FramePool.class, configurationPid = FramePoolComponent.PID)
@Designate(ocd = Config.class)
public final class FramePoolComponent implements FramePool {

    /** The configuration PID. */
    static final String PID = "io.kapture.pool";

    private static final Logger LOG = LoggerFactory.getLogger(FramePoolComponent.class);

    private final BoundedFramePool pool;

    @Activate
    public FramePoolComponent(Config config) {
        pool = new BoundedFramePool(config.max_bytes());
        LOG.info("Frame pool ready with a budget of {} bytes", config.max_bytes());
    }

    @Modified
    void modified(Config config) {
        try {
            pool.setMaxBytes(config.max_bytes());
            LOG.info("Frame pool budget now {} bytes", config.max_bytes());
        } catch (IllegalArgumentException e) {
            LOG.error("Rejected configuration {}: {}; keeping a budget of {} bytes", PID, e.getMessage(),
                    pool.stats().maxBytes());
        }
    }

    @Override
    public ByteBuffer acquire(int minCapacity, BufferKind kind) {
        return pool.acquire(minCapacity, kind);
    }

    @Override
    public void release(ByteBuffer buffer) {
        pool.release(buffer);
    }

    @Override
    public FramePoolStats stats() {
        return pool.stats();
    }
}
