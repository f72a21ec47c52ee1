package io.kapture.synthetic.internal.paint;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.imageio.stream.ImageOutputStreamImpl;

/**
 * An image output stream that writes straight into a driver buffer, so encoding a JPEG needs neither a cache
 * nor a copy. Writes past the buffer's capacity fail with an {@link IOException}.
 *
 * <p>Threading contract: one thread at a time, like every image stream.
 */
final class BufferImageOutputStream extends ImageOutputStreamImpl {
    private final ByteBuffer target;
    private long length;

    BufferImageOutputStream(ByteBuffer target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        flushBits();
        ensureRoom(1);
        target.put((int) streamPos, (byte) b);
        advance(1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        flushBits();
        ensureRoom(count);
        target.put((int) streamPos, bytes, offset, count);
        advance(count);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= length) {
            return -1;
        }
        return target.get((int) streamPos++) & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int count) throws IOException {
        checkClosed();
        bitOffset = 0;
        int available = (int) Math.min(count, length - streamPos);
        if (available <= 0) {
            return count == 0 ? 0 : -1;
        }
        target.get((int) streamPos, bytes, offset, available);
        streamPos += available;
        return available;
    }

    @Override
    public long length() {
        return length;
    }

    private void ensureRoom(int count) throws IOException {
        checkClosed();
        if (streamPos + count > target.capacity()) {
            throw new IOException("the encoded image does not fit its buffer of " + target.capacity() + " bytes");
        }
    }

    private void advance(int count) {
        streamPos += count;
        length = Math.max(length, streamPos);
    }
}
