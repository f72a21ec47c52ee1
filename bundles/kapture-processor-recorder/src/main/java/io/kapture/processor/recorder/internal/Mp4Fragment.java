package io.kapture.processor.recorder.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The samples of one movie fragment, gathered until the fragment is written: {@code moof} ({@code mfhd}, then a
 * {@code traf} with {@code tfhd} (default-base-is-moof), {@code tfdt} (the decode time of the first sample) and one
 * {@code trun} with each sample's duration, size and sync flag), followed by the {@code mdat} header. The sample
 * data itself is written after that header by the caller, from the samples' own buffers, never copied here.
 *
 * <p>Per sample the file carries 12 bytes of {@code trun} beside its data; per fragment about 100 bytes of boxes.
 *
 * <p>Not thread-safe: owned by one {@link Mp4Writer}.
 */
final class Mp4Fragment {

    /** {@code trun} flags: data offset, and per sample a duration, a size and flags. */
    private static final int TRUN_FLAGS = 0x000001 | 0x000100 | 0x000200 | 0x000400;
    /** {@code tfhd} flag: data offsets count from the start of the {@code moof}. */
    private static final int DEFAULT_BASE_IS_MOOF = 0x020000;
    /** Sample flags of a sync sample: depends on no other picture. */
    static final int SYNC_SAMPLE = 0x02000000;
    /** Sample flags of any other: depends on others, not a sync sample. */
    static final int NON_SYNC_SAMPLE = 0x01010000;
    /** Bytes a sample adds to the {@code moof}. */
    static final int BYTES_PER_SAMPLE = 12;

    private final List<EncodedFrame> samples = new ArrayList<>();
    private int[] durations = new int[64];
    private long dataBytes;
    private long baseDecodeTime;

    /** Adds a sample whose duration is now known, in ticks of {@link Mp4Header#TIMESCALE}. */
    void add(EncodedFrame sample, int durationTicks, long decodeTime) {
        if (samples.isEmpty()) {
            baseDecodeTime = decodeTime;
        }
        if (samples.size() == durations.length) {
            durations = Arrays.copyOf(durations, durations.length * 2);
        }
        durations[samples.size()] = durationTicks;
        samples.add(sample);
        dataBytes += sample.size();
    }

    boolean isEmpty() {
        return samples.isEmpty();
    }

    int samples() {
        return samples.size();
    }

    List<EncodedFrame> sampleList() {
        return samples;
    }

    /** Decode time of the first sample. */
    long baseDecodeTime() {
        return baseDecodeTime;
    }

    /** Bytes of sample data. */
    long dataBytes() {
        return dataBytes;
    }

    /** Bytes the fragment takes in the file: its boxes and its data. */
    long fileBytes() {
        return samples.isEmpty() ? 0 : headerBytes() + dataBytes;
    }

    /** Bytes of {@code moof} and the {@code mdat} header. */
    int headerBytes() {
        return 8 + 16 + 8 + 16 + 20 + 20 + BYTES_PER_SAMPLE * samples.size() + 8;
    }

    /**
     * Writes {@code moof} and the {@code mdat} header into {@code out}, which must be empty (the data offset counts
     * from its start); the samples' data must follow in order.
     */
    void writeHeader(BoxBuffer out, long sequenceNumber) {
        out.open("moof");
        out.openFull("mfhd", 0, 0).u32(sequenceNumber).close();
        out.open("traf");
        out.openFull("tfhd", 0, DEFAULT_BASE_IS_MOOF).u32(Mp4Header.TRACK_ID).close();
        out.openFull("tfdt", 1, 0).u64(baseDecodeTime).close();
        out.openFull("trun", 0, TRUN_FLAGS).u32(samples.size());
        int dataOffsetAt = out.length();
        out.u32(0);
        for (int i = 0; i < samples.size(); i++) {
            EncodedFrame sample = samples.get(i);
            out.u32(durations[i]).u32(sample.size()).u32(sample.keyFrame() ? SYNC_SAMPLE : NON_SYNC_SAMPLE);
        }
        out.close(); // trun
        out.close(); // traf
        out.close(); // moof
        int moofBytes = out.length();
        out.putInt(dataOffsetAt, moofBytes + 8);
        out.u32(8 + dataBytes).fourcc("mdat");
    }

    /** Empties the fragment for the next samples. */
    void clear() {
        samples.clear();
        dataBytes = 0;
    }
}
