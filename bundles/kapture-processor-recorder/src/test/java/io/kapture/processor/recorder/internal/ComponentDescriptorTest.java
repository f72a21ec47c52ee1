package io.kapture.processor.recorder.internal;

import static io.kapture.testing.ComponentDescriptors.component;
import static io.kapture.testing.ComponentDescriptors.defaults;
import static io.kapture.testing.ComponentDescriptors.designatedPid;
import static io.kapture.testing.ComponentDescriptors.elements;
import static io.kapture.testing.ComponentDescriptors.metatype;
import static io.kapture.testing.ComponentDescriptors.undescribed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.kapture.processor.recorder.Recordings;

/**
 * What SCR and the metatype service will see: recorders need a factory configuration, the Recordings service
 * always runs and follows them dynamically, and every setting has a described default.
 */
class ComponentDescriptorTest {

    @Test
    void recordersNeedAFactoryConfigurationAndStartWithIt() {
        Element component = component(CameraRecorder.class);

        assertEquals(RecorderSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("require", component.getAttribute("configuration-policy"));
        assertEquals("true", component.getAttribute("immediate"), "records even when nobody asks for Recordings");
        assertEquals("stop", component.getAttribute("deactivate"), "finishes its file on a thread of its own");
    }

    @Test
    void theRecordingsServiceFollowsRecordersDynamically() {
        Element component = component(RecordingsService.class);

        assertEquals(Recordings.class.getName(), elements(component, "provide").get(0).getAttribute("interface"));
        Element reference = elements(component, "reference").get(0);
        assertEquals(CameraRecorder.class.getName(), reference.getAttribute("interface"));
        assertEquals("0..n", reference.getAttribute("cardinality"));
        assertEquals("dynamic", reference.getAttribute("policy"));
    }

    @Test
    void describesEverySettingWithItsDefault() {
        Element metatype = metatype(Config.class);

        assertEquals(RecorderSettings.PID, designatedPid(metatype));
        assertEquals(List.of(), undescribed(metatype));
        assertEquals(Map.ofEntries(Map.entry("camera", ""), Map.entry("folder", "recordings"),
                Map.entry("rotate.size.mb", "512"), Map.entry("rotate.duration.seconds", "600"),
                Map.entry("jpeg.quality", "0.8"), Map.entry("mode", "continuous"), Map.entry("pre.seconds", "5"),
                Map.entry("post.seconds", "10"), Map.entry("preroll.max.mb", "32"), Map.entry("format", "mjpeg"),
                Map.entry("h264.bitrate.kbps", "2000"), Map.entry("h264.keyframe.interval", "30"),
                Map.entry("h264.profile", "baseline")), defaults(metatype));
    }

    @Test
    void recordersTakeH264EncodersAsTheyComeAndGo() {
        Element component = component(CameraRecorder.class);

        Element reference = elements(component, "reference").get(0);
        assertEquals("encoders", reference.getAttribute("name"));
        assertEquals("io.kapture.api.encoder.VideoEncoderFactory", reference.getAttribute("interface"));
        assertEquals("0..n", reference.getAttribute("cardinality"));
        assertEquals("dynamic", reference.getAttribute("policy"));
    }

    @Test
    void recordersPostToEventAdminWhenThereIsOneAndRecordWithoutIt() {
        Element component = component(CameraRecorder.class);

        Element reference = elements(component, "reference").get(1);
        assertEquals("eventAdmin", reference.getAttribute("name"));
        assertEquals("org.osgi.service.event.EventAdmin", reference.getAttribute("interface"));
        assertEquals("0..1", reference.getAttribute("cardinality"));
        assertEquals("dynamic", reference.getAttribute("policy"));
        assertEquals("greedy", reference.getAttribute("policy-option"));
    }

    @Test
    void retentionIsOptionalConfigurationOfTheRecordingsServiceWithEveryLimitOff() {
        Element component = component(RecordingsService.class);
        Element metatype = metatype(RetentionConfig.class);

        assertEquals(RetentionSettings.PID, component.getAttribute("configuration-pid"));
        assertEquals("optional", component.getAttribute("configuration-policy"));
        assertEquals(RetentionSettings.PID, designatedPid(metatype));
        assertEquals(List.of(), undescribed(metatype));
        assertEquals(Map.of("max.size.mb", "0", "max.disk.percent", "0", "max.age.days", "0", "interval.seconds",
                "60"), defaults(metatype));
    }
}
