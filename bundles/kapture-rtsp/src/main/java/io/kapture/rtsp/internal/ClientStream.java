package io.kapture.rtsp.internal;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One playing client of a camera: a bounded queue of access units and a thread of its own that sends them. The
 * camera's encoding thread only offers to the queue and never waits: a client that stops reading fills its queue
 * and is dropped ({@code onDropped} closes its connection), so it never slows the camera or the other clients. A
 * client starts with a keyframe (what comes before one would be undecodable). The sending thread also sends the
 * client an RTCP sender report after its first access unit and then every {@value #REPORT_SECONDS} s
 * ({@link SenderReports}), counting the packets and payload octets the client was sent, and adds what it sends to
 * the camera's {@link StreamCounters}. The client's latest RTCP receiver report is kept here for statistics.
 *
 * <p>Threading contract: {@link #offer} is called by the camera's one encoding thread (the keyframe gate is that
 * thread's); the sending thread is this object's; {@link #close()} is idempotent and safe from any thread; the
 * latest receiver report is volatile.
 */
final class ClientStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientStream.class);

    private final String name;
    private final PacketSink sink;
    private final BlockingQueue<FeedUnit> queue;
    static final int REPORT_SECONDS = 5;

    private final Consumer<Reason> onDropped;
    private final SenderReports reports;
    private final boolean tcp;
    private final StreamCounters counters;
    private volatile ReceiverReport lastReport;
    private final Thread sender;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong sentUnits = new AtomicLong();
    private boolean started;
    // the sending thread's
    private long packets;
    private long octets;
    private long nextReportNanos;
    private boolean reported;

    /**
     * @param name      for thread names and logs: camera and client address
     * @param capacity  access units the queue holds (two seconds' worth is a good size)
     * @param tcp       whether RTP goes interleaved in the RTSP connection (else over UDP), for statistics
     * @param counters  the camera's counters, to which every access unit sent is added
     * @param onDropped called once when the client is dropped: its queue overflowed (on the encoding thread) or
     *                  sending failed (on the sending thread); not called by {@link #close()}
     */
    ClientStream(String name, PacketSink sink, int capacity, SenderReports reports, boolean tcp,
            StreamCounters counters, Consumer<Reason> onDropped) {
        this.name = name;
        this.tcp = tcp;
        this.counters = counters;
        this.reports = reports;
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onDropped = onDropped;
        this.sender = new Thread(this::sendLoop, "kapture-rtsp-send " + name);
        this.sender.setDaemon(true);
    }

    void start() {
        sender.start();
    }

    /**
     * Queues one access unit without waiting.
     *
     * @return false if the client was dropped because its queue is full (or it is closed)
     */
    boolean offer(FeedUnit unit) {
        if (closed.get()) {
            return false;
        }
        if (!started) {
            if (!unit.keyframe()) {
                return true;
            }
            started = true;
        }
        if (queue.offer(unit)) {
            return true;
        }
        if (drop(Reason.QUEUE_FULL)) {
            LOG.warn("RTSP client {} stopped reading: its queue of {} frames is full; dropping the client", name,
                    queue.remainingCapacity() + queue.size());
        }
        return false;
    }

    /** Whether RTP goes interleaved in the RTSP connection rather than over UDP. */
    boolean tcp() {
        return tcp;
    }

    /** Keeps the client's latest receiver report (any thread: the connection's or the UDP RTCP socket's). */
    void received(ReceiverReport report) {
        lastReport = report;
    }

    /** The client's latest receiver report, or null before its first. */
    ReceiverReport lastReport() {
        return lastReport;
    }

    /** Access units handed to the transport so far. */
    long sentUnits() {
        return sentUnits.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** Closes as {@link #close()} and tells {@code onDropped}; true for the one caller that did it. */
    private boolean drop(Reason reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        release();
        onDropped.accept(reason);
        return true;
    }

    /** Stops the sending thread; the sink stays open, it is the session's (a paused client plays on with it). */
    private void release() {
        sender.interrupt();
        queue.clear();
    }

    private void sendLoop() {
        try {
            while (!closed.get()) {
                FeedUnit unit = queue.take();
                sink.send(unit);
                sentUnits.incrementAndGet();
                counters.sent(unit);
                packets += unit.packets().size();
                octets += unit.payloadBytes();
                reportIfDue(unit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (drop(Reason.SEND_FAILED)) {
                LOG.debug("RTSP client {} went away: {}", name, e.getMessage());
            }
        }
    }

    private void reportIfDue(FeedUnit last) throws IOException {
        long now = System.nanoTime();
        if (reported && now - nextReportNanos < 0) {
            return;
        }
        reported = true;
        nextReportNanos = now + TimeUnit.SECONDS.toNanos(REPORT_SECONDS);
        sink.sendRtcp(reports.report(last, packets, octets));
    }

    /** Why a client was dropped. */
    enum Reason {
        /** It stopped reading and its queue filled up. */
        QUEUE_FULL,
        /** Sending failed: it went away. */
        SEND_FAILED
    }
}
