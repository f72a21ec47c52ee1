package io.kapture.web.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.synthetic.SyntheticFrames;
import io.kapture.testing.ComponentConfig;

/**
 * The preview over real HTTP in Jetty (the container Pax Web embeds): the JSON endpoint, a stream read as a
 * browser reads it, and a browser that closes its connection, after which the server releases the stream.
 */
class LivePreviewTest {

    private static final ComponentConfig<Config> DEFAULTS = ComponentConfig.of(Config.class);

    private PreviewServer server;

    @BeforeEach
    void start() throws Exception {
        server = PreviewServer.start(0, DEFAULTS.as(PreviewSettings::from));
        server.camera("cam0", "box", 320, 240, PixelFormat.YUYV, 30);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theJsonEndpointAnswersOverHttp() throws IOException {
        HttpURLConnection connection = open("api/cameras");
        try (InputStream in = connection.getInputStream()) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(200, connection.getResponseCode());
            assertEquals("application/json;charset=utf-8", connection.getContentType().replace(" ", "").toLowerCase());
            assertTrue(json.contains("\"name\":\"cam0\""), json);
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void aBrowserThatHangsUpReleasesItsStream() throws IOException {
        HttpURLConnection connection = open("stream/cam0");
        List<Long> sequences = new ArrayList<>();
        try (InputStream in = connection.getInputStream()) {
            assertEquals(MjpegWriter.CONTENT_TYPE, connection.getContentType());
            MultipartParts parts = new MultipartParts(in);
            parts.next();
            for (int i = 0; i < 4; i++) {
                sequences.add(SyntheticFrames.sequenceOf(ImageIO.read(new ByteArrayInputStream(parts.next()))));
            }
            assertEquals(1, server.servlet().activeStreams());
            assertEquals(1, server.engine().subscribers().size());
        } finally {
            connection.disconnect();
        }

        for (int i = 1; i < sequences.size(); i++) {
            assertTrue(sequences.get(i) > sequences.get(i - 1), "live frames go forward: " + sequences);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> server.servlet().activeStreams() == 0);
        assertEquals(List.of(), server.engine().subscribers(), "the listener is unregistered");
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) server.page().resolve(path).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        return connection;
    }
}
