package io.kapture.web.internal;

import io.kapture.web.internal.metrics.PrometheusText;

/**
 * Metrics that come from another bundle which may be absent (the RTSP server): a component that references that
 * bundle's service registers one of these, and {@link MetricsServlet} adds what each one writes to every scrape.
 * The servlet itself never names the optional package, so it loads and serves without it.
 *
 * <p>Implementations are called by many scraping threads at once and must be thread-safe.
 */
public interface MetricsSource {

    /** Adds this source's families and samples, read now. */
    void addTo(PrometheusText out);
}
