package io.kapture.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether the preview answers a request while remote browsers are not allowed: the peer must be a
 * loopback address, and the Host header must name the loopback too. The second check defeats DNS rebinding, where
 * a web page the user visits makes their browser send requests to 127.0.0.1 under the page's own host name, and
 * could otherwise read the cameras.
 *
 * <p>Stateless; safe from any thread. No name is ever resolved: addresses are parsed as literals only.
 */
final class LocalRequests {

    private LocalRequests() {
    }

    /**
     * @param remoteAddress the peer's address as the container reports it (an IP literal)
     * @param hostHeader    the request's Host header, with or without a port; may be null
     */
    static boolean isLocal(String remoteAddress, String hostHeader) {
        return isLoopbackLiteral(remoteAddress) && hostHeader != null && isLoopbackHost(hostName(hostHeader));
    }

    private static String hostName(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isLoopbackHost(String host) {
        return host.equals("localhost") || isLoopbackLiteral(host);
    }

    private static boolean isLoopbackLiteral(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F.:\\[\\]%]+")) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (!literal.contains(":") && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
