package io.kapture.api.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

import io.kapture.api.FrameFormat;

/** Consumers (the RTSP server, the recorder) take the best-ranked H.264 encoder and never one of another codec. */
class EncoderRankingTest {

    @Test
    void highestRankingFirstThenOldestAndOtherCodecsIgnored() {
        EncoderRanking registry = new EncoderRanking();
        assertTrue(registry.add(factory("openh264"), properties("H264", null, 10L)));
        assertFalse(registry.add(factory("vp8-hardware"), properties("VP8", 100, 11L)));
        assertTrue(registry.add(factory("v4l2-m2m"), properties("H264", 50, 12L)));
        assertFalse(registry.add(factory("no-codec-property"), Map.of(Constants.SERVICE_ID, 13L)));
        assertTrue(registry.add(factory("openh264-copy"), properties("H264", 0, 14L)));

        assertEquals(List.of("v4l2-m2m", "openh264", "openh264-copy"), registry.choice().names());

        registry.remove(m2m);
        assertEquals(List.of("openh264", "openh264-copy"), registry.choice().names());
    }

    private VideoEncoderFactory m2m;

    private VideoEncoderFactory factory(String name) {
        VideoEncoderFactory factory = new VideoEncoderFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean accepts(FrameFormat input) {
                return true;
            }

            @Override
            public String unavailableReason(FrameFormat input) {
                return "";
            }

            @Override
            public VideoEncoder open(FrameFormat input, EncoderSettings settings, AccessUnitSink sink) {
                throw new UnsupportedOperationException("not opened in this test");
            }
        };
        if (name.equals("v4l2-m2m")) {
            m2m = factory;
        }
        return factory;
    }

    private static Map<String, Object> properties(String codec, Integer ranking, long id) {
        return ranking == null ? Map.of(VideoEncoderFactory.CODEC, codec, Constants.SERVICE_ID, id)
                : Map.of(VideoEncoderFactory.CODEC, codec, Constants.SERVICE_RANKING, ranking, Constants.SERVICE_ID, id);
    }
}
