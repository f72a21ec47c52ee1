package io.kapture.login;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks a user's password against a login realm and tells the user's roles. The one implementation in the
 * product is {@link JaasLogins}; tests of a gate give their own.
 *
 * <p>Implementations are called by many request threads at once and must be thread-safe.
 */
@ConsumerType
public interface Logins {

    /**
     * Logs the user in and out again. Never keeps or logs the password, which the caller wipes afterwards.
     *
     * @param realm    the login realm, for example {@code karaf}
     * @param user     the user name as sent
     * @param password the password as sent
     */
    Result login(String realm, String user, char[] password);

    /** What a login came to. */
    sealed interface Result {
    }

    /** The realm knows the user and the password: these are the user's roles (possibly none). */
    record Accepted(Set<String> roles) implements Result {
        public Accepted {
            roles = Set.copyOf(roles);
        }
    }

    /** The realm refused: no such user, a wrong password, or a locked or expired account. */
    record Refused() implements Result {
    }

    /** The realm could not decide (missing, misconfigured, its store unreadable): {@code problem} says why. */
    record Unavailable(String problem) implements Result {
    }
}
