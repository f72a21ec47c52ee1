package io.kapture.rtsp.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * RTP and RTCP interleaved in the RTSP connection (RFC 2326 section 10.12): each packet after {@code $}, the channel
 * (RTP's or RTCP's, as SETUP agreed) and a 16-bit length. The connection's responses are written to the same
 * stream, so every write happens under the connection's write lock, a whole access unit (or a whole response) at a
 * time.
 *
 * <p>Thread-safe through that lock.
 */
final class InterleavedSink implements PacketSink {

    private final OutputStream out;
    private final Object writeLock;
    private final int channel;
    private final int rtcpChannel;

    InterleavedSink(OutputStream out, Object writeLock, int channel, int rtcpChannel) {
        this.out = out;
        this.writeLock = writeLock;
        this.channel = channel;
        this.rtcpChannel = rtcpChannel;
    }

    @Override
    public void sendRtcp(byte[] packet) throws IOException {
        synchronized (writeLock) {
            write(rtcpChannel, packet);
            out.flush();
        }
    }

    private void write(int onChannel, byte[] packet) throws IOException {
        out.write('$');
        out.write(onChannel);
        out.write(packet.length >> 8);
        out.write(packet.length);
        out.write(packet);
    }

    @Override
    public void send(FeedUnit unit) throws IOException {
        synchronized (writeLock) {
            for (byte[] packet : unit.packets()) {
                write(channel, packet);
            }
            out.flush();
        }
    }

    @Override
    public void close() {
        // the connection owns the stream
    }
}
