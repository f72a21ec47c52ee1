package io.kapture.jmx.internal;

/**
 * The login attempts of one endpoint, as {@code io.kapture:type=Logins,endpoint=<web|rtsp>}: counts by outcome
 * since the endpoint started, never a user name. Read-only.
 */
public interface LoginsMXBean {

    String getEndpoint();

    /** Right password and a role that may use the endpoint. */
    long getAccepted();

    /** Wrong password or unknown user. */
    long getRejected();

    /** Right password, but no role that may use the endpoint. */
    long getForbidden();

    /** Refused unchecked: the address failed too often within the throttle's window. */
    long getThrottled();

    /** The realm could not check the login. */
    long getUnavailable();
}
