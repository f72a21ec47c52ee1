package io.kapture.rtsp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One RTSP request: method, URI, headers (names lower-cased) and body.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param method  {@code OPTIONS}, {@code DESCRIBE}, ...
 * @param uri     the request URI as sent, {@code *} or {@code rtsp://host:port/camera[/trackID=0]}
 * @param headers header values by lower-case name
 * @param body    the body, empty when there is none
 */
record RtspRequest(String method, String uri, Map<String, String> headers, byte[] body) {

    /** The {@code user:password@} of a URI, which a careless client may send: never logged. */
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

    /** The value of a header, or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The {@code CSeq} every response repeats; "0" when the client sent none. */
    String cseq() {
        String cseq = header("CSeq");
        return cseq == null ? "0" : cseq.trim();
    }

    /** The session id of the {@code Session} header without its parameters, or null. */
    String session() {
        String session = header("Session");
        if (session == null) {
            return null;
        }
        int semicolon = session.indexOf(';');
        return (semicolon < 0 ? session : session.substring(0, semicolon)).trim();
    }

    /**
     * The camera the URI names: its path without the leading slash, a trailing slash or the track's control
     * suffix ({@code /trackID=0}), percent-decoded; empty for {@code *} or {@code /}.
     *
     * @throws IllegalArgumentException if the URI is malformed
     */
    String camera() {
        if (uri.equals("*")) {
            return "";
        }
        String path;
        try {
            path = new URI(uri).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed request URI '" + uri + "': " + e.getReason(), e);
        }
        if (path == null) {
            return "";
        }
        String camera = path.startsWith("/") ? path.substring(1) : path;
        if (camera.endsWith("/")) {
            camera = camera.substring(0, camera.length() - 1);
        }
        String track = "/" + Sdp.TRACK;
        if (camera.endsWith(track)) {
            camera = camera.substring(0, camera.length() - track.length());
        } else if (camera.equals(Sdp.TRACK)) {
            camera = "";
        }
        return camera;
    }

    /** Whether the URI addresses the track rather than the whole presentation. */
    boolean isTrack() {
        return uri.endsWith("/" + Sdp.TRACK) || uri.endsWith("/" + Sdp.TRACK + "/");
    }

    /** Method, URI (without any user name or password in it) and body; never a header, so never credentials. */
    @Override
    public String toString() {
        return method + " " + USER_INFO.matcher(uri).replaceFirst("$1")
                + (body.length == 0 ? "" : " (" + new String(body, StandardCharsets.UTF_8) + ")");
    }
}
