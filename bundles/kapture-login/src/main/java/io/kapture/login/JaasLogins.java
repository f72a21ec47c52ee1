package io.kapture.login;

import java.security.Principal;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountException;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.CredentialException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * Logins through JAAS: a {@link LoginContext} of the named realm, answering its name and password callbacks, whose
 * {@link RolePrincipal}s are the user's roles. In Karaf the realm {@code karaf} is the console's users
 * ({@code etc/users.properties} by default, or whatever login modules are deployed for it); a user's roles include
 * those of their groups, as Karaf's login modules add them.
 *
 * <p>{@link LoginContext} loads the realm's login module class (Karaf's {@code ProxyLoginModule}) by name through
 * the thread's context class loader. A container's request thread may carry a loader that cannot see it, so the
 * login runs with this bundle's, which does (Karaf boot-delegates {@code org.apache.karaf.jaas.boot}).
 *
 * <p>Stateless apart from the fixed configuration; safe from any thread. A login blocks its thread while the
 * realm reads its store.
 */
public final class JaasLogins implements Logins {

    private final Configuration configuration;

    /** Logins through the JVM's installed JAAS configuration: Karaf's realms. */
    public JaasLogins() {
        this(null);
    }

    /** Logins through the given configuration (tests), or the installed one if null. */
    public JaasLogins(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Result login(String realm, String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasLogins.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback,
                                "a Kapture login has a name and a password only");
                    }
                }
            }, configuration);
            context.login();
            Set<String> roles = new HashSet<>();
            for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
                roles.add(principal.getName());
            }
            context.logout();
            return new Accepted(roles);
        } catch (FailedLoginException | AccountException | CredentialException refused) {
            return new Refused();
        } catch (LoginException | SecurityException e) {
            return new Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
