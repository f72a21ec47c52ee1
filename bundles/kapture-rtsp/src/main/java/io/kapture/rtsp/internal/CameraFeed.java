package io.kapture.rtsp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.Frame;
import io.kapture.api.FrameFormat;
import io.kapture.api.FrameListener;
import io.kapture.api.encoder.AccessUnit;
import io.kapture.api.encoder.EncoderChoice;
import io.kapture.api.encoder.EncoderSettings;
import io.kapture.api.encoder.H264Parameters;
import io.kapture.api.encoder.VideoEncoder;
import io.kapture.api.encoder.VideoEncoderFactory;
import io.kapture.api.listener.ListenerRegistrar;

/**
 * One camera's H.264 for all its RTSP clients: ONE frame listener and ONE encoder however many clients watch, each
 * access unit packetized once and offered to every client's queue. The listener is registered while the feed is
 * open (while any client has the camera described or set up), with a queue of two frames that drops the oldest, so
 * an encoder slower than the camera loses frames, never holds the camera back. The encoder is opened on the first
 * frame (its format is known then) and opened anew when the format changes, when settings cannot change live, when
 * the encoder services change so that another factory comes first for the format (a higher-ranked one arrived, or
 * the one in use went away), or after a failure ({@value #RETRY_SECONDS} s later for the same format, at once for another).
 *
 * <p>Threading contract: {@link #onFrame} runs on the listener's delivery thread, the only thread that touches the
 * encoder and the packetizer, under {@code encoderLock}, which {@link #close()} also takes so the encoder is never
 * closed while it encodes. Clients are added and removed from any thread (a copy-on-write list); parameters and the
 * failure are volatile, and waiting for them uses the {@code parametersKnown} monitor. Subscribing and closing
 * happen under {@code lifecycle}, so a feed closed before it subscribed never subscribes.
 */
final class CameraFeed implements FrameListener {

    static final int RETRY_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(CameraFeed.class);

    private final String camera;
    private final ListenerRegistrar registrar;
    private final Supplier<EncoderChoice> encoders;
    private final RtpPacketizer packetizer;
    private final SenderReports senderReports;
    private final List<ClientStream> clients = new CopyOnWriteArrayList<>();
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private final AtomicLong framesEncoded = new AtomicLong();
    private final AtomicLong clientsDropped = new AtomicLong();
    private final Object encoderLock = new Object();
    private final Object parametersKnown = new Object();
    private volatile EncoderSettings settings;
    private volatile boolean settingsChanged;
    private volatile H264Parameters parameters;
    private volatile String failure;
    /** The factory name of the open encoder, "" while none is; written by the delivery thread, read by monitors. */
    private volatile String encoderInUse = "";
    private final Object lifecycle = new Object();
    private ListenerRegistrar.Registration registration;
    private boolean stopped;

    // the delivery thread's, under encoderLock
    private VideoEncoder encoder;
    private EncoderChoice encoderChoice;
    private Optional<VideoEncoderFactory> encoderFactory = Optional.empty();
    private FrameFormat encoderFormat;
    private EncoderSettings encoderSettings;
    private long retryAtNanos;
    private FrameFormat failedFormat;
    private boolean closed;

    CameraFeed(String camera, ListenerRegistrar registrar, Supplier<EncoderChoice> encoders, EncoderSettings settings,
            RtpPacketizer packetizer) {
        this.camera = camera;
        this.registrar = registrar;
        this.encoders = encoders;
        this.settings = settings;
        this.packetizer = packetizer;
        this.senderReports = new SenderReports(packetizer.ssrc(), "kapture/" + camera, System::nanoTime,
                Instant::now);
    }

    /** Subscribes to the camera's frames, unless the feed was closed first (the server stopping meanwhile). */
    void start() {
        synchronized (lifecycle) {
            if (!stopped) {
                registration = registrar.register(this, ListenerRegistrar.subscription(camera, "rtsp:" + camera, 2));
            }
        }
    }

    String camera() {
        return camera;
    }

    /** The frame rate the encoder is told to expect. */
    double frameRate() {
        return settings.frameRate();
    }

    RtpPacketizer packetizer() {
        return packetizer;
    }

    /** The RTCP sender reports of this camera's stream (its SSRC), for every client's sending thread. */
    SenderReports senderReports() {
        return senderReports;
    }

    /** New settings, applied by the delivery thread before the next frame. */
    void reconfigure(EncoderSettings wanted) {
        settings = wanted;
        settingsChanged = true;
    }

    /** Starts sending to a client from the next keyframe, which is asked for at once. */
    void addClient(ClientStream client) {
        clients.add(client);
        keyframeWanted.set(true);
    }

    void removeClient(ClientStream client) {
        clients.remove(client);
    }

    int clients() {
        return clients.size();
    }

    /** The clients playing now, for statistics. */
    List<ClientStream> clientStreams() {
        return List.copyOf(clients);
    }

    /** The name of the encoder in use, or "" while none is open. */
    String encoderInUse() {
        return encoderInUse;
    }

    long framesEncoded() {
        return framesEncoded.get();
    }

    /** Clients dropped because they stopped reading. */
    long clientsDropped() {
        return clientsDropped.get();
    }

    /**
     * The stream's SPS and PPS, waiting for the first keyframe if need be.
     *
     * @throws StreamUnavailableException if the encoder could not be opened, or no keyframe came in time
     */
    H264Parameters awaitParameters(Duration timeout) throws StreamUnavailableException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (parametersKnown) {
            while (parameters == null) {
                String problem = failure;
                if (problem != null) {
                    throw new StreamUnavailableException("camera " + camera + " has no H.264 stream: " + problem);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new StreamUnavailableException("camera " + camera + " delivered no frame to encode within "
                            + timeout.toSeconds() + " s; is it running? (kapture:cameras)");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(parametersKnown, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StreamUnavailableException("interrupted while waiting for camera " + camera);
                }
            }
            return parameters;
        }
    }

    @Override
    public void onFrame(Frame frame) {
        synchronized (encoderLock) {
            if (closed || !encoderReady(frame.format())) {
                return;
            }
            try {
                if (keyframeWanted.getAndSet(false)) {
                    encoder.requestKeyframe();
                }
                encoder.encode(frame);
                framesEncoded.incrementAndGet();
            } catch (RuntimeException e) {
                fail("encoding frame " + frame.sequence() + " failed: " + e.getMessage(), frame.format());
                closeEncoder();
            }
        }
    }

    /** Unsubscribes, drops the clients and closes the encoder (waiting for a frame being encoded). */
    void close() {
        ListenerRegistrar.Registration subscribed;
        synchronized (lifecycle) {
            stopped = true;
            subscribed = registration;
            registration = null;
        }
        if (subscribed != null) {
            subscribed.close();
        }
        for (ClientStream client : clients) {
            client.close();
        }
        clients.clear();
        synchronized (encoderLock) {
            closed = true;
            closeEncoder();
        }
    }

    private boolean encoderReady(FrameFormat format) {
        if (encoder != null && !format.equals(encoderFormat)) {
            LOG.info("Camera {} now delivers {} (was {}); opening a new encoder", camera, format, encoderFormat);
            closeEncoder();
        }
        EncoderChoice choice = encoders.get();
        if (encoder != null && choice != encoderChoice) {
            replaceIfAnotherFactoryIsPreferred(choice, format);
        }
        EncoderSettings wanted = settings;
        if (encoder != null && settingsChanged) {
            settingsChanged = false;
            if (!wanted.equals(encoderSettings) && !encoder.reconfigure(wanted)) {
                LOG.info("Camera {}: the encoder cannot change to {} while running; opening a new one", camera, wanted);
                closeEncoder();
            } else {
                encoderSettings = wanted;
            }
        }
        if (encoder != null) {
            return true;
        }
        if (format.equals(failedFormat) && System.nanoTime() - retryAtNanos < 0) {
            return false;
        }
        try {
            settingsChanged = false;
            encoder = choice.open(format, wanted, this::publish);
            encoderChoice = choice;
            encoderFactory = choice.pick(format);
            encoderInUse = encoderFactory.map(VideoEncoderFactory::name).orElse("");
            encoderFormat = format;
            encoderSettings = wanted;
            keyframeWanted.set(false);
            if (failure != null) {
                LOG.info("Camera {}: H.264 encoding works again", camera);
                failure = null;
            }
            return true;
        } catch (RuntimeException e) {
            fail(e.getMessage(), format);
            return false;
        }
    }

    /**
     * The encoder services changed: if another factory now comes first for this format (one of a higher ranking
     * arrived, or the one in use went away), the encoder is closed so the next lines open the preferred one, which
     * starts with a keyframe carrying its parameter sets.
     */
    private void replaceIfAnotherFactoryIsPreferred(EncoderChoice choice, FrameFormat format) {
        encoderChoice = choice;
        Optional<VideoEncoderFactory> preferred = choice.pick(format);
        if (!preferred.equals(encoderFactory)) {
            LOG.info("Camera {}: encoder {} now comes first; replacing {}", camera,
                    preferred.map(VideoEncoderFactory::name).orElse("(none)"),
                    encoderFactory.map(VideoEncoderFactory::name).orElse("(none)"));
            closeEncoder();
        }
    }

    /** The encoder's output, on the delivery thread: packetized once, offered to every client. */
    private void publish(AccessUnit unit) {
        H264Parameters latest = encoder == null ? null : encoder.parameters().orElse(null);
        if (latest != null && !latest.equals(parameters)) {
            synchronized (parametersKnown) {
                parameters = latest;
                parametersKnown.notifyAll();
            }
        }
        List<byte[]> rtp = packetizer.packetize(unit);
        if (rtp.isEmpty()) {
            return;
        }
        FeedUnit packets = FeedUnit.of(unit.keyframe(), rtp, unit.timestampNanos());
        for (ClientStream client : clients) {
            if (!client.offer(packets)) {
                clients.remove(client);
                clientsDropped.incrementAndGet();
            }
        }
    }

    /** Records why there is no stream; the same format is tried again after a pause, another one at once. */
    private void fail(String problem, FrameFormat format) {
        failedFormat = format;
        retryAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
        if (!problem.equals(failure)) {
            LOG.warn("Camera {}: no H.264 stream for RTSP clients: {}; trying again every {} s", camera, problem,
                    RETRY_SECONDS);
        }
        synchronized (parametersKnown) {
            failure = problem;
            parametersKnown.notifyAll();
        }
    }

    private void closeEncoder() {
        if (encoder != null) {
            try {
                encoder.close();
            } finally {
                encoder = null;
                encoderFormat = null;
                encoderInUse = "";
            }
        }
    }
}
