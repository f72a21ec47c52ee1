package io.kapture.login;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A user name and password from an HTTP Basic {@code Authorization} header (RFC 7617, UTF-8 as the challenge
 * announces). The password is kept as characters so that {@link #close()} can wipe it once the login is done;
 * neither {@link #toString()} nor any message ever contains it.
 *
 * <p>Not thread-safe: made, used and closed by one request thread. The same header serves HTTP and RTSP (RFC 2326
 * takes HTTP's authentication as it is).
 */
public final class BasicCredentials implements AutoCloseable {

    /** Longest header accepted; a browser's is far shorter, and a huge one only costs decoding. */
    private static final int MAX_HEADER = 4096;
    private static final String SCHEME = "basic ";

    private final String user;
    private final char[] password;

    private BasicCredentials(String user, char[] password) {
        this.user = user;
        this.password = password;
    }

    /**
     * The credentials in a header, or empty if there is none, it is not Basic, or it is malformed (not Base64,
     * not UTF-8, no colon, an empty user name, or too long).
     */
    public static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        char[] text = null;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
            text = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            int colon = indexOf(text, ':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(new String(text, 0, colon),
                    Arrays.copyOfRange(text, colon + 1, text.length)));
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
            if (text != null) {
                Arrays.fill(text, '\0');
            }
        }
    }

    public String user() {
        return user;
    }

    /** The password itself, valid until {@link #close()}; never log or keep it. */
    public char[] password() {
        return password;
    }

    /** Wipes the password. */
    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    /** The user name only, made safe for a log line (no control characters, at most 64 characters). */
    public String printableUser() {
        String printable = user.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 64 ? printable.substring(0, 64) + "..." : printable;
    }

    @Override
    public String toString() {
        return "Basic credentials of user '" + printableUser() + "'";
    }

    private static int indexOf(char[] text, char wanted) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
