package io.kapture.jmx.internal;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The object names of Kapture's MXBeans, in domain {@value #DOMAIN}. Camera and listener names are quoted when
 * they hold a character that would break an object name ({@code , = : " * ? \} or a line break), and left as
 * they are otherwise, so that the usual names read plainly: {@code io.kapture:type=Camera,name=cam0}.
 *
 * <p>Stateless; safe from any thread.
 */
final class JmxNames {

    static final String DOMAIN = "io.kapture";

    private JmxNames() {
    }

    static String camera(String camera) {
        return DOMAIN + ":type=Camera,name=" + value(camera);
    }

    static String listener(String camera, String listener) {
        return DOMAIN + ":type=Listener,camera=" + value(camera) + ",name=" + value(listener);
    }

    /** The login counts of one endpoint ({@code web}, {@code rtsp}). */
    static String logins(String endpoint) {
        return DOMAIN + ":type=Logins,endpoint=" + value(endpoint);
    }

    /** The RTSP server's figures. */
    static String rtspServer() {
        return DOMAIN + ":type=RtspServer";
    }

    /** The recorders' and storage retention's figures. */
    static String recordings() {
        return DOMAIN + ":type=Recordings";
    }

    /** The motion detectors' figures. */
    static String motion() {
        return DOMAIN + ":type=Motion";
    }

    /** The scheduled snapshots' figures. */
    static String snapshots() {
        return DOMAIN + ":type=Snapshots";
    }

    static String value(String value) {
        return value.isEmpty() || value.matches(".*[,=:\"*?\\\\\\n\\r].*") ? ObjectName.quote(value) : value;
    }

    /** Checks that a name is valid, as the JMX whiteboard will parse it. */
    static ObjectName parse(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a valid JMX object name: " + name, e);
        }
    }
}
