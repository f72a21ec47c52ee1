package io.kapture.mqtt.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the link shows of itself (connected or not, since when, the last problem, messages out) and the one place
 * that logs connection events: each distinct problem once as a warning, repeats at debug level, so that retrying
 * a wrong password every minute does not fill the log.
 *
 * <p>Threading contract: written by the link's thread, read from any thread (volatile fields, atomic counter).
 */
final class LinkStatus {

    private static final Logger LOG = LoggerFactory.getLogger(Link.class);

    private final String broker;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean connected;
    private volatile long sinceMillis = System.currentTimeMillis();
    private volatile String lastError;
    private volatile long connects;
    private String lastLogged;

    LinkStatus(String broker) {
        this.broker = broker;
    }

    void connected(int buffered) {
        connected = true;
        connects++;
        sinceMillis = System.currentTimeMillis();
        lastLogged = null;
        LOG.info("Connected to MQTT broker {}{}", broker, buffered == 0 ? "" : "; sending " + buffered
                + " buffered messages");
    }

    void disconnected() {
        if (connected) {
            connected = false;
            sinceMillis = System.currentTimeMillis();
        }
    }

    void failed(String why, long retryMillis) {
        boolean wasConnected = connected;
        lastError = why;
        if (why.equals(lastLogged) && !wasConnected) {
            LOG.debug("{}; retrying in {} ms", why, retryMillis);
        } else {
            lastLogged = why;
            LOG.warn("{}; retrying in {} ms and then less often (up to reconnect.max.ms), buffering messages meanwhile",
                    why, retryMillis);
        }
    }

    void sent() {
        published.incrementAndGet();
    }

    boolean isConnected() {
        return connected;
    }

    long sinceMillis() {
        return sinceMillis;
    }

    long connects() {
        return connects;
    }

    long published() {
        return published.get();
    }

    Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    String broker() {
        return broker;
    }
}
