package io.kapture.v4l2.internal.m2m;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EncoderServices}: the encoder services follow the nodes, published once per node and coded format, withdrawn
 * when the node goes, published again when it returns, and nothing after close.
 */
class EncoderServicesTest {

    @TempDir
    Path dev;

    private final List<Dictionary<String, Object>> live = new ArrayList<>();
    private int withdrawn;

    private EncoderServices services() {
        return new EncoderServices(new FakeM2mEncoder(true), (factory, properties) -> {
            live.add(properties);
            return () -> {
                live.remove(properties);
                withdrawn++;
            };
        });
    }

    @Test
    void servicesFollowTheNodes() throws IOException {
        Files.createFile(dev.resolve("video11"));
        String node = dev.resolve("video11").toString();
        EncoderServices services = services();
        services.scan(dev);
        assertEquals(1, live.size());
        assertEquals(node, live.get(0).get("kapture.encoder.device"));
        assertEquals(EncoderServices.HARDWARE_H264_RANKING, live.get(0).get("service.ranking"));

        services.added(node);
        services.scan(dev);
        assertEquals(1, live.size(), "the watcher's arrival of a node already published adds nothing");

        services.removed(node);
        assertEquals(0, live.size());
        assertEquals(1, withdrawn);

        services.added(node);
        assertEquals(1, live.size(), "published again when the node returns");

        services.close();
        assertEquals(0, live.size());
        services.added(node);
        services.scan(dev);
        assertEquals(0, live.size(), "nothing published after close");
        assertEquals(List.of(), services.nodes());
    }
}
