package io.kapture.rtsp.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * RTP interleaved in the RTSP connection (RFC 2326 section 10.12): each packet after {@code $}, the channel and a
 * 16-bit length. The connection's responses are written to the same stream, so every write happens under the
 * connection's write lock, a whole access unit (or a whole response) at a time.
 *
 * <p>Thread-safe through that lock.
 */
final class InterleavedSink implements PacketSink {

    private final OutputStream out;
    private final Object writeLock;
    private final int channel;

    InterleavedSink(OutputStream out, Object writeLock, int channel) {
        this.out = out;
        this.writeLock = writeLock;
        this.channel = channel;
    }

    @Override
    public void send(FeedUnit unit) throws IOException {
        synchronized (writeLock) {
            for (byte[] packet : unit.packets()) {
                out.write('$');
                out.write(channel);
                out.write(packet.length >> 8);
                out.write(packet.length);
                out.write(packet);
            }
            out.flush();
        }
    }

    @Override
    public void close() {
        // the connection owns the stream
    }
}
