package io.kapture.login;

import java.util.Locale;

/**
 * How one login attempt of a remote user ended, as endpoints count them. A request without credentials is no attempt
 * (it only gets the challenge that makes a browser or player ask for them) and is not counted.
 */
public enum LoginOutcome {
    /** The realm knew the user and password, and the user holds a role that may use the endpoint. */
    ACCEPTED,
    /** A wrong password or an unknown user (the realm refused). */
    REJECTED,
    /** The password was right but the user lacks the role the endpoint asks for. */
    FORBIDDEN,
    /** Refused unchecked: the address failed too often within the throttle's window ({@link LoginThrottle}). */
    THROTTLED,
    /** The realm could not decide (missing or misconfigured). */
    UNAVAILABLE;

    /** The outcome as a metric label or attribute name part: {@code accepted}, {@code rejected}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
