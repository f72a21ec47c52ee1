package io.kapture.rtsp;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The RTSP server's figures, read afresh at every call (nothing is sampled in the background). Counters count
 * from the start of the server component and survive a restart of the server for a new configuration; they start
 * again from zero when the bundle restarts.
 *
 * <p>Registered by bundle kapture-rtsp while its server component is active. Thread-safe: read from any thread.
 */
@ProviderType
public interface RtspStatistics {

    /** Each camera some client described, set up or played since the component started, ordered by name. */
    List<StreamStatistics> streams();

    /** RTSP connections open now. */
    int openConnections();

    /** RTSP connections accepted or refused, in all. */
    long connections();

    /** Connections refused because {@code max.clients} were open. */
    long connectionsRefused();

    /** Clients dropped because they stopped reading and their queue filled. */
    long slowClientsDropped();

    /** RTCP packets from clients that were malformed and ignored. */
    long malformedRtcp();
}
