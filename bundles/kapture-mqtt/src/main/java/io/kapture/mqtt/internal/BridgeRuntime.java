package io.kapture.mqtt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

import io.kapture.api.CaptureSession;

/**
 * A connected bridge: the outbox, the {@link Link} and its thread, a timer thread that reports the cameras every
 * second and their recorders' state after each recorder event (and every stats interval), and a command thread
 * that runs commands and applies desired configurations one at a time. Incoming messages wait in a bounded queue
 * for the command thread; beyond it they are dropped and counted.
 *
 * <p>Threading contract: {@link #start} and {@link #stop} from one thread (SCR's); {@link #motion},
 * {@link #recording} and {@link #view} from any thread. Nothing here blocks its caller except {@link #stop},
 * bounded by a few seconds.
 */
public final class BridgeRuntime implements LinkListener {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeRuntime.class);
    private static final int INBOX = 256;
    private static final long SWEEP_DELAY_SECONDS = 10;

    private final MqttSettings settings;
    private final String version;
    private final long startedMillis = System.currentTimeMillis();
    private final Topics topics;
    private final Outbox outbox;
    private final Supplier<List<CaptureSession>> sessions;
    private final CameraReporter reporter;
    private final Commands commands;
    private final DesiredConfigs desired;
    private final RecorderWatch recordings;
    private final Link link;
    private final ScheduledExecutorService timer;
    private final ThreadPoolExecutor inbox;
    private final AtomicLong inboxDropped = new AtomicLong();
    private final AtomicLong motionEvents = new AtomicLong();
    /** Whether a look at the recorders is queued on the timer: a burst of recorder events costs one. */
    private final AtomicBoolean recordersDue = new AtomicBoolean();

    BridgeRuntime(MqttSettings settings, String version, Supplier<List<CaptureSession>> sessions,
            Function<String, Optional<CaptureSession>> session, CameraStore store, FrameGrabber grabber,
            Supplier<SortedSet<String>> strategies, Supplier<Optional<RecorderSource>> recorder,
            Supplier<List<StatsSection>> statsSections) {
        this.settings = settings;
        this.version = version;
        this.sessions = sessions;
        this.topics = new Topics(settings.prefix(), settings.fleetPrefix());
        this.outbox = new Outbox(settings.outboxMaxMessages(), settings.outboxMaxBytes());
        this.reporter = new CameraReporter(settings, topics, outbox, sessions, () -> status(true),
                new HomeAssistant(settings, topics, outbox), statsSections);
        this.commands = new Commands(settings, topics, outbox, session, store, grabber, strategies, recorder);
        this.recordings = new RecorderWatch(settings, topics, outbox, recorder);
        this.desired = new DesiredConfigs(settings, topics, outbox, store);
        List<String> subscriptions = new ArrayList<>();
        if (settings.commandsEnabled()) {
            subscriptions.add(topics.commandFilter());
        }
        if (settings.fleetEnabled()) {
            subscriptions.add(topics.nodeConfigFilter());
            subscriptions.add(topics.fleetConfigFilter());
        }
        Outbound offline = Outbound.text(topics.status(), status(false).toString(), settings.qosState(), true);
        this.link = new Link(settings, outbox, this,
                () -> Outbound.text(topics.status(), status(true).toString(), settings.qosState(), true), offline,
                subscriptions);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "kapture-mqtt-timer"));
        this.inbox = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(INBOX),
                runnable -> daemon(runnable, "kapture-mqtt-commands"), (task, executor) -> {
                    if (inboxDropped.getAndIncrement() % 1000 == 0) {
                        LOG.warn("MQTT commands arrive faster than they run; dropped {} so far",
                                inboxDropped.get());
                    }
                });
    }

    public void start() {
        startAfter(CompletableFuture.completedFuture(null));
    }

    /** Starts; the connection waits (on the link's thread) until {@code previous}, the runtime replaced, stopped. */
    public void startAfter(Future<?> previous) {
        timer.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
        link.startAfter(previous);
    }

    /** Stops, waiting up to 3 s for the offline status to be published and the connection closed. */
    public void stop() {
        stopAsync();
        link.close(Link.HANDOVER_MILLIS);
    }

    /** Stops without waiting; the future completes once the offline status is out and the connection closed. */
    public CompletableFuture<Void> stopAsync() {
        timer.shutdownNow();
        inbox.shutdownNow();
        return link.closeAsync();
    }

    /**
     * A recorder event ({@code io/kapture/recording/v1/*}); called on EventAdmin's thread, never waits: a finished
     * recording is queued into the outbox at once, and the recorders' state is looked at on the timer thread.
     */
    public void recording(Event event) {
        recordings.finished(event, System.currentTimeMillis());
        if (recordersDue.compareAndSet(false, true)) {
            try {
                timer.execute(this::reconcileRecorders);
            } catch (RejectedExecutionException stopped) {
                // stopping: the timer is shut down
            }
        }
    }

    /** Queues a motion event; called on EventAdmin's thread, never waits. */
    public void motion(Event event) {
        MotionPayload.of(event).ifPresent(motion -> {
            motionEvents.incrementAndGet();
            outbox.offer(Outbound.text(topics.motion(motion.camera()), motion.json().toString(),
                    settings.qosEvents(), false));
        });
    }

    /**
     * A bridge for simulated nodes (MqttFleetBenchmark): these cameras, no commands' effects (there is no
     * Configuration Admin and no frames), the version {@code simulated}.
     */
    public static BridgeRuntime simulated(MqttSettings settings, Supplier<List<CaptureSession>> cameras) {
        CameraStore none = new CameraStore() {
            @Override
            public Optional<java.util.Map<String, Object>> read(String camera) {
                return Optional.empty();
            }

            @Override
            public void write(String camera, java.util.Map<String, Object> properties) {
                throw new UnsupportedOperationException("a simulated node has no configurations");
            }

            @Override
            public void delete(String camera) {
                throw new UnsupportedOperationException("a simulated node has no configurations");
            }

            @Override
            public java.util.Set<String> managed() {
                return java.util.Set.of();
            }

            @Override
            public Optional<String> lastError(String camera) {
                return Optional.empty();
            }

            @Override
            public Optional<String> verdict(String camera, java.util.Map<String, Object> written,
                    Optional<String> before, long timeoutMillis) {
                return Optional.empty();
            }
        };
        FrameGrabber noFrames = new FrameGrabber((listener, properties) -> {
            throw new UnsupportedOperationException("a simulated node has no frames");
        });
        return new BridgeRuntime(settings, "simulated", cameras,
                camera -> cameras.get().stream().filter(c -> c.camera().equals(camera)).findFirst(), none,
                noFrames, java.util.TreeSet::new, Optional::empty, List::of);
    }

    @Override
    public void connected() {
        reporter.republish();
        recordings.republish();
        if (settings.fleetEnabled()) {
            timer.schedule(() -> submit(desired::sweep), SWEEP_DELAY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void arrived(String topic, byte[] payload, boolean retained) {
        if (settings.commandsEnabled() && topics.command(topic).isPresent()) {
            submit(() -> commands.handle(topic, payload));
        } else if (settings.fleetEnabled()) {
            submit(() -> desired.arrived(topic, payload));
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private void submit(Work work) {
        try {
            inbox.execute(() -> {
                try {
                    work.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception | LinkageError e) {
                    LOG.warn("MQTT command or configuration failed: {}", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException stopped) {
            // stopping: the executor is shut down
        }
    }

    private void tick() {
        try {
            reporter.tick(System.currentTimeMillis());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cannot report the cameras over MQTT: {}", e.toString(), e);
        }
        try {
            recordings.tick(System.currentTimeMillis());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cannot report the recordings over MQTT: {}", e.toString(), e);
        }
    }

    private void reconcileRecorders() {
        recordersDue.set(false);
        try {
            recordings.reconcile(System.currentTimeMillis());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cannot report the recordings over MQTT: {}", e.toString(), e);
        }
    }

    private JsonObject status(boolean online) {
        List<String> cameras = new ArrayList<>();
        if (online) {
            for (CaptureSession session : sessions.get()) {
                if (Topics.isLevel(session.camera())) {
                    cameras.add(session.camera());
                }
            }
            cameras.sort(null);
        }
        return Payloads.status(settings.nodeId(), online, version, startedMillis, cameras);
    }

    public BridgeView view() {
        LinkStatus status = link.status();
        Outbox.Figures figures = outbox.figures();
        return new BridgeView(Optional.of(settings.toString()), Optional.empty(), true, status.isConnected(),
                status.sinceMillis(), status.lastError(), status.published(), link.received(), motionEvents.get(),
                figures.offered(), figures.buffered(), figures.bufferedBytes(), figures.dropped(), figures.superseded(),
                inboxDropped.get(), recordings.describe(), "commands " + on(settings.commandsEnabled()) + ", fleet configuration " + on(settings.fleetEnabled())
                        + ", Home Assistant discovery " + on(settings.homeAssistant()));
    }

    private static String on(boolean enabled) {
        return enabled ? "on" : "off";
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
