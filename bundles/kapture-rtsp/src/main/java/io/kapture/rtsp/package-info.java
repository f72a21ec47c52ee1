/**
 * What the RTSP server tells monitors: its connections and, per camera, sessions, clients by transport, RTP sent
 * and what clients' RTCP receiver reports say about loss and jitter ({@link io.kapture.rtsp.RtspStatistics}, a
 * service of bundle kapture-rtsp, read by the metrics page and JMX). The server's login counts are an
 * {@link io.kapture.login.LoginStatistics} service with {@code kapture.login.endpoint=rtsp}.
 */
@Export
@Version("1.0.0")
package io.kapture.rtsp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
