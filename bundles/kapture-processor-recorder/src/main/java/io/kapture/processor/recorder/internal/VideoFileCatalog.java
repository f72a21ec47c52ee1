package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.kapture.processor.recorder.RecordedFile;

/**
 * Lists the video files in the storage directory with what their names and headers say (the AVI header, or the
 * fragments of an MP4 file, see {@link Mp4Summary}): camera, trigger, start, size, frames and playing time. A file
 * that vanishes or cannot be read while listed is left out.
 *
 * <p>Stateless; safe from any thread.
 */
final class VideoFileCatalog {

    private static final int MAX_DEPTH = 8;
    private static final int HEADER_BYTES = 64;

    private VideoFileCatalog() {
    }

    /**
     * The video files under {@code root}, oldest first by the time in their names. {@code writing} is asked after
     * the directory was read, never before: a file a recorder began in between would otherwise be on disk but not
     * yet in the answer, and be listed as finished while it is being written.
     */
    static List<RecordedFile> list(Path root, Supplier<Set<Path>> writing) throws IOException {
        List<VideoFile> videos = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(root, MAX_DEPTH, new FileVisitOption[0])) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                Optional<VideoFileNames.Parsed> name = VideoFileNames.parse(path.getFileName().toString());
                if (name.isPresent() && name.get().isVideo() && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    videos.add(new VideoFile(path, name.get()));
                }
            }
        }
        Set<Path> inUse = writing.get();
        List<RecordedFile> found = new ArrayList<>();
        for (VideoFile video : videos) {
            describe(video.path(), video.name(), inUse.contains(video.path())).ifPresent(found::add);
        }
        found.sort(Comparator.comparingLong(RecordedFile::startMillis).thenComparing(RecordedFile::path));
        return found;
    }

    /** A video file found by the directory walk, with what its name says; described once the in-use set is read. */
    private record VideoFile(Path path, VideoFileNames.Parsed name) {
    }

    /** One file as its AVI header ({@code avih}: microseconds per frame, total frames) or its fragments count it. */
    private static Optional<RecordedFile> describe(Path path, VideoFileNames.Parsed name, boolean writing) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (name.extension().equals("mp4")) {
                Mp4Summary.Counts counts = Mp4Summary.of(channel);
                return Optional.of(new RecordedFile(name.camera(), path.toString(), name.trigger(),
                        name.startMillis(), channel.size(), counts.frames(), counts.durationMillis(), writing));
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // read until the header is in or the file ends
            }
            long frames = 0;
            long durationMillis = 0;
            if (header.position() == HEADER_BYTES && header.getInt(0) == 0x46464952 /* RIFF */) {
                long microsPerFrame = Integer.toUnsignedLong(header.getInt(32));
                frames = Integer.toUnsignedLong(header.getInt(48));
                durationMillis = frames * microsPerFrame / 1000;
            }
            return Optional.of(new RecordedFile(name.camera(), path.toString(), name.trigger(), name.startMillis(),
                    channel.size(), frames, durationMillis, writing));
        } catch (IOException goneOrUnreadable) {
            return Optional.empty();
        }
    }
}
