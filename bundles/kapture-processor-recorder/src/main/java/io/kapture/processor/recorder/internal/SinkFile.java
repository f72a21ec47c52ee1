package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What every {@link VideoSink} file shares, whatever its container: the file's channel, created new (never replacing
 * a file, never through a symbolic link), its frames and the capture time they span, and closing once, with the
 * channel opened again if an interrupt of the writing thread closed it (NIO closes an interruptible channel then,
 * with {@code ClosedByInterruptException}), so every frame written before is finished and stays playable.
 *
 * <p>Threading contract: not thread-safe; the owner serialises all calls, as for any {@link VideoSink}.
 */
abstract class SinkFile implements VideoSink {

    private final Path path;
    private FileChannel channel;
    private int frames;
    private long firstTimestampNanos;
    private long lastTimestampNanos;
    private boolean closed;

    SinkFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Creates {@code path} for writing, failing if it exists or is a symbolic link.
     *
     * @throws IOException if the file exists or cannot be created
     */
    static FileChannel createNew(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** The file's channel (another one after {@link #closing()} opened it again). */
    final FileChannel channel() {
        return channel;
    }

    /** Counts a frame written, captured at {@code timestampNanos}. */
    final void counted(long timestampNanos) {
        if (frames == 0) {
            firstTimestampNanos = timestampNanos;
        }
        frames++;
        lastTimestampNanos = timestampNanos;
    }

    /** Capture time of the first frame counted. */
    final long firstTimestampNanos() {
        return firstTimestampNanos;
    }

    final boolean isClosed() {
        return closed;
    }

    /**
     * Begins closing: null if the file was closed before (later calls do nothing); otherwise the channel to finish
     * the file with and then close, opened again if an interrupt closed it.
     */
    final FileChannel closing() throws IOException {
        if (closed) {
            return null;
        }
        closed = true;
        if (!channel.isOpen()) {
            channel = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
        return channel;
    }

    @Override
    public final int frames() {
        return frames;
    }

    /** Capture time from the first frame to the last. */
    @Override
    public final long durationNanos() {
        return frames == 0 ? 0 : lastTimestampNanos - firstTimestampNanos;
    }

    @Override
    public final Path path() {
        return path;
    }
}
