package io.kapture.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.kapture.testing.ComponentDescriptors;

/**
 * The RTSP server binds H.264 encoder services only: V4L2 memory-to-memory encoders of other codecs (vicodec's
 * FWHT, a VP8 or HEVC VPU) are registered as encoder services too, and a higher-ranked one of those must never be
 * chosen to feed an H.264 stream.
 */
class EncoderReferenceTest {

    @Test
    void theEncoderReferenceIsFilteredToH264ByDefault() {
        Element component = ComponentDescriptors.component(RtspServerComponent.class);
        ComponentDescriptors.elements(component, "reference").stream()
                .filter(reference -> reference.getAttribute("name").equals("encoders")).findFirst().orElseThrow();
        // SCR reads a reference's target from the component property <name>.target (here from RtspConfig)
        assertEquals("(kapture.encoder.codec=H264)", ComponentDescriptors.properties(component).get("encoders.target"));
    }
}
