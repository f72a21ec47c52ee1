package io.kapture.api.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps an H.264 stream's latest SPS and PPS and puts them in front of every keyframe that lacks them. Many
 * encoders and cameras send the parameter sets only at the start of the stream; a client that joins later cannot
 * decode anything without them, so every keyframe Kapture hands on carries them.
 *
 * <p>Not thread-safe: owned by the one thread that produces a stream's access units; {@link #parameters()} may be
 * read from any thread.
 */
public final class ParameterSetTracker {

    private byte[] sps;
    private byte[] pps;
    private volatile H264Parameters parameters;

    /**
     * Records the parameter sets among {@code nals} and returns them, with the latest SPS and PPS in front if the
     * unit is a keyframe that has none of its own (the same list if nothing was missing).
     */
    public List<byte[]> complete(List<byte[]> nals, boolean keyframe) {
        boolean hasSps = false;
        boolean hasPps = false;
        for (byte[] nal : nals) {
            int type = H264Nal.type(nal);
            if (type == H264Nal.SPS) {
                sps = nal;
                hasSps = true;
            } else if (type == H264Nal.PPS) {
                pps = nal;
                hasPps = true;
            }
        }
        if (sps != null && pps != null && (hasSps || hasPps || parameters == null)) {
            H264Parameters latest = new H264Parameters(sps, pps);
            if (!latest.equals(parameters)) {
                parameters = latest;
            }
        }
        if (!keyframe || (hasSps && hasPps) || sps == null || pps == null) {
            return nals;
        }
        List<byte[]> completed = new ArrayList<>(nals.size() + 2);
        if (!hasSps) {
            completed.add(sps);
        }
        if (!hasPps) {
            completed.add(pps);
        }
        completed.addAll(nals);
        return completed;
    }

    /** The latest parameter sets, once both an SPS and a PPS were seen. */
    public Optional<H264Parameters> parameters() {
        return Optional.ofNullable(parameters);
    }
}
