package io.kapture.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.PixelFormat;
import io.kapture.api.encoder.AccessUnit;
import io.kapture.api.encoder.AccessUnitSink;
import io.kapture.api.encoder.EncoderChoice;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Parameters;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.testing.RecordingRegistrar;
import io.kapture.testing.TestFrame;

/** How a camera's feed opens, reconfigures and replaces its encoder, with a stand-in encoder that says what it got. */
class CameraFeedTest {

    private static final byte[] SPS = { 0x67, 0x42, (byte) 0xC0, 0x1E };
    private static final byte[] PPS = { 0x68, (byte) 0xCE, 0x3C, (byte) 0x80 };
    private static final byte[] IDR = { 0x65, (byte) 0x88, 0x01 };
    private static final FrameFormat VGA = FrameFormat.of(640, 480, PixelFormat.YUYV);

    private final RecordingRegistrar registrar = new RecordingRegistrar();

    @Test
    void settingsTheEncoderTakesLiveKeepIt() {
        StubFactory factory = new StubFactory(true);
        CameraFeed feed = feed(factory);

        deliver(VGA);
        feed.reconfigure(EncoderSettings.DEFAULT.withBitrate(500_000));
        deliver(VGA);

        assertEquals(1, factory.opened.size());
        assertEquals(List.of(500_000), factory.opened.get(0).reconfiguredBitrates);
        feed.close();
        assertTrue(factory.opened.get(0).closed);
        assertEquals(1, registrar.unregistrations());
    }

    @Test
    void anEncoderThatIgnoresBitrateChangesIsReplacedByOneOpenedWithTheNewSettings() {
        StubFactory factory = new StubFactory(false);
        CameraFeed feed = feed(factory);

        deliver(VGA);
        feed.reconfigure(EncoderSettings.DEFAULT.withBitrate(500_000));
        deliver(VGA);

        assertEquals(2, factory.opened.size());
        assertTrue(factory.opened.get(0).closed);
        assertEquals(500_000, factory.opened.get(1).settings.bitrate());
        feed.close();
    }

    @Test
    void aNewFrameFormatOpensANewEncoder() {
        StubFactory factory = new StubFactory(true);
        feed(factory);

        deliver(VGA);
        deliver(FrameFormat.of(320, 240, PixelFormat.YUYV));

        assertEquals(2, factory.opened.size());
        assertEquals(320, factory.opened.get(1).format.width());
    }

    @Test
    void aHigherRankedEncoderArrivingOrTheOneInUseLeavingReplacesTheEncoderAtTheNextFrame() {
        StubFactory software = new StubFactory(true);
        StubFactory hardware = new StubFactory(true);
        StubFactory other = new StubFactory(true);
        AtomicReference<EncoderChoice> choice = new AtomicReference<>(new EncoderChoice(List.of(software)));
        CameraFeed feed = new CameraFeed("cam0", registrar, choice::get, EncoderSettings.DEFAULT,
                new RtpPacketizer(1400, 1, 0, 0));
        feed.start();

        deliver(VGA);
        choice.set(new EncoderChoice(List.of(software, other)));
        deliver(VGA);
        assertEquals(1, software.opened.size(), "a lower-ranked arrival changes nothing");
        choice.set(new EncoderChoice(List.of(hardware, software, other)));
        deliver(VGA);
        assertTrue(software.opened.get(0).closed);
        assertEquals(1, hardware.opened.size(), "the higher-ranked encoder took over");
        choice.set(new EncoderChoice(List.of(software, other)));
        deliver(VGA);
        assertTrue(hardware.opened.get(0).closed, "the encoder of a factory that went away is closed");
        assertEquals(2, software.opened.size());
        feed.close();
    }

    @Test
    void withoutAnEncoderDescribeLearnsWhyAndH264CamerasNeedNone() throws StreamUnavailableException {
        CameraFeed feed = new CameraFeed("cam0", registrar, () -> new EncoderChoice(List.of()),
                EncoderSettings.DEFAULT, new RtpPacketizer(1400, 1, 0, 0));
        feed.start();

        deliver(VGA);
        StreamUnavailableException error = assertThrows(StreamUnavailableException.class,
                () -> feed.awaitParameters(Duration.ofSeconds(5)));
        assertTrue(error.getMessage().contains("no H.264 encoder is installed"), error.getMessage());
        assertTrue(error.getMessage().contains("kapture-h264"), error.getMessage());

        byte[] annexB = { 0, 0, 0, 1, 0x67, 0x42, (byte) 0xC0, 0x1E, 0, 0, 0, 1, 0x68, (byte) 0xCE, 0x3C,
            (byte) 0x80, 0, 0, 1, 0x65, (byte) 0x88, 0x01 };
        FrameFormat h264 = new FrameFormat(640, 480, PixelFormat.H264, 0, 1024);
        TestFrame frame = TestFrame.of(h264, annexB);
        registrar.deliver(frame);
        frame.release();

        assertEquals("42c01e", feed.awaitParameters(Duration.ofSeconds(5)).profileLevelId());
        feed.close();
    }

    private CameraFeed feed(StubFactory factory) {
        CameraFeed feed = new CameraFeed("cam0", registrar, () -> new EncoderChoice(List.of(factory)),
                EncoderSettings.DEFAULT, new RtpPacketizer(1400, 1, 0, 0));
        feed.start();
        return feed;
    }

    private void deliver(FrameFormat format) {
        TestFrame frame = TestFrame.of(format, new byte[format.imageSize()]);
        registrar.deliver(frame);
        frame.release();
    }

    /** Opens {@link StubEncoder}s and keeps them. */
    private static final class StubFactory implements VideoEncoderFactory {
        final boolean acceptsLiveChanges;
        final List<StubEncoder> opened = new ArrayList<>();

        StubFactory(boolean acceptsLiveChanges) {
            this.acceptsLiveChanges = acceptsLiveChanges;
        }

        @Override
        public String name() {
            return "stub";
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
            StubEncoder encoder = new StubEncoder(input, settings, sink, acceptsLiveChanges);
            opened.add(encoder);
            return encoder;
        }
    }

    /** Emits a keyframe for every frame; takes live changes or not, as told. */
    private static final class StubEncoder implements VideoEncoder {
        final FrameFormat format;
        final EncoderSettings settings;
        final AccessUnitSink sink;
        final boolean acceptsLiveChanges;
        final List<Integer> reconfiguredBitrates = new ArrayList<>();
        boolean closed;

        StubEncoder(FrameFormat format, EncoderSettings settings, AccessUnitSink sink, boolean acceptsLiveChanges) {
            this.format = format;
            this.settings = settings;
            this.sink = sink;
            this.acceptsLiveChanges = acceptsLiveChanges;
        }

        @Override
        public void encode(Frame frame) {
            sink.accept(new AccessUnit(frame.sequence(), frame.timestampNanos(), true, List.of(SPS, PPS, IDR)));
        }

        @Override
        public boolean reconfigure(EncoderSettings wanted) {
            if (acceptsLiveChanges) {
                reconfiguredBitrates.add(wanted.bitrate());
            }
            return acceptsLiveChanges;
        }

        @Override
        public void requestKeyframe() {
        }

        @Override
        public Optional<H264Parameters> parameters() {
            return Optional.of(new H264Parameters(SPS, PPS));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
