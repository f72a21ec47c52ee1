package io.kapture.login;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** RFC 7617 Basic credentials: UTF-8, the first colon splits, malformed headers are no credentials. */
class BasicCredentialsTest {

    @Test
    void splitsAtTheFirstColonInUtf8AndWipesThePassword() {
        BasicCredentials credentials = BasicCredentials.parse("basic  " + base64("jürgen:pa:ss wörd")).orElseThrow();

        assertEquals("jürgen", credentials.user());
        assertArrayEquals("pa:ss wörd".toCharArray(), credentials.password());
        assertFalse(credentials.toString().contains("pa:ss"), credentials.toString());
        char[] password = credentials.password();
        credentials.close();
        assertArrayEquals(new char[password.length], password);
    }

    @Test
    void malformedHeadersAreNoCredentials() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Digest username=\"a\"").isEmpty());
        assertTrue(BasicCredentials.parse("Basic not*base64").isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + base64("no colon")).isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + base64(":password")).isEmpty(), "empty user name");
        assertTrue(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] { 'a', ':',
                (byte) 0xff })).isEmpty(), "not UTF-8");
        assertTrue(BasicCredentials.parse("Basic " + "QUFB".repeat(2000)).isEmpty(), "too long");
    }

    @Test
    void printsUserNamesSafeForALogLine() {
        BasicCredentials credentials = BasicCredentials.parse("Basic " + base64("eve\r\nFAKE LOG LINE:x")).orElseThrow();
        assertEquals("eve??FAKE LOG LINE", credentials.printableUser());
        assertEquals(67, BasicCredentials.parse("Basic " + base64("u".repeat(100) + ":x")).orElseThrow()
                .printableUser().length());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
