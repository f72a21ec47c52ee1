package io.kapture.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kapture.rtsp.RtspStatistics;
import io.kapture.web.internal.metrics.PrometheusText;
import io.kapture.web.internal.metrics.RtspMetrics;

/**
 * The RTSP server's figures on {@code /kapture/metrics}. SCR activates this component, and only then loads this
 * class, while an {@link RtspStatistics} service is registered: kapture-web imports {@code io.kapture.rtsp}
 * optionally and serves its other metrics without the RTSP bundle.
 *
 * <p>Stateless apart from the final service reference; safe from any thread.
 */
@Component(service = MetricsSource.class)
public final class RtspMetricsSource implements MetricsSource {

    private final RtspStatistics rtsp;

    @Activate
    public RtspMetricsSource(@Reference RtspStatistics rtsp) {
        this.rtsp = rtsp;
    }

    @Override
    public void addTo(PrometheusText out) {
        RtspMetrics.add(out, rtsp);
    }
}
