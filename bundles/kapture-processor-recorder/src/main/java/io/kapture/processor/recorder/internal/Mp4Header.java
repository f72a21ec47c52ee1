package io.kapture.processor.recorder.internal;

import java.nio.charset.StandardCharsets;

import io.kapture.api.encoder.H264Parameters;

/**
 * The start of a fragmented MP4 file with one H.264 video track: {@code ftyp}, then a {@code moov} whose sample
 * tables are empty (the samples are described by the fragments that follow) and whose {@code mvex/trex} announces
 * fragments. The track's {@code avc1} sample entry carries an {@code avcC} decoder configuration built from the
 * stream's SPS and PPS, with four-byte NAL length prefixes, which is how {@link Mp4Fragment} stores samples; for
 * the high profiles it also carries the chroma format and bit depths read from the SPS ({@link SpsFormat}).
 *
 * <p>Stateless; safe from any thread.
 */
final class Mp4Header {

    /** Ticks per second of the track's media time: 90 kHz, as RTP and MPEG transport streams count H.264. */
    static final int TIMESCALE = 90_000;
    /** The one track's id. */
    static final int TRACK_ID = 1;

    private static final int MOVIE_TIMESCALE = 1000;
    private static final int[] UNITY_MATRIX = { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 };

    private Mp4Header() {
    }

    /** Writes {@code ftyp} and {@code moov} for a track of {@code width}x{@code height} pictures. */
    static void write(BoxBuffer out, int width, int height, H264Parameters parameters) {
        out.open("ftyp").fourcc("isom").u32(0x200).fourcc("isom").fourcc("iso6").fourcc("avc1").fourcc("mp41")
                .close();
        out.open("moov");
        movieHeader(out);
        out.open("trak");
        trackHeader(out, width, height);
        out.open("mdia");
        out.openFull("mdhd", 0, 0).u32(0).u32(0).u32(TIMESCALE).u32(0).u16(0x55C4 /* und */).u16(0).close();
        out.openFull("hdlr", 0, 0).u32(0).fourcc("vide").zeros(12)
                .bytes("Kapture video\0".getBytes(StandardCharsets.US_ASCII)).close();
        out.open("minf");
        out.openFull("vmhd", 0, 1).u16(0).zeros(6).close();
        out.open("dinf").openFull("dref", 0, 0).u32(1).openFull("url ", 0, 1).close().close().close();
        out.open("stbl");
        sampleDescription(out, width, height, parameters);
        out.openFull("stts", 0, 0).u32(0).close();
        out.openFull("stsc", 0, 0).u32(0).close();
        out.openFull("stsz", 0, 0).u32(0).u32(0).close();
        out.openFull("stco", 0, 0).u32(0).close();
        out.close(); // stbl
        out.close(); // minf
        out.close(); // mdia
        out.close(); // trak
        out.open("mvex");
        out.openFull("trex", 0, 0).u32(TRACK_ID).u32(1).u32(0).u32(0).u32(0).close();
        out.close(); // mvex
        out.close(); // moov
    }

    private static void movieHeader(BoxBuffer out) {
        out.openFull("mvhd", 0, 0).u32(0).u32(0).u32(MOVIE_TIMESCALE).u32(0);
        out.u32(0x00010000).u16(0x0100).zeros(10);
        matrix(out);
        out.zeros(24).u32(TRACK_ID + 1).close();
    }

    private static void trackHeader(BoxBuffer out, int width, int height) {
        out.openFull("tkhd", 0, 3 /* enabled, in movie */).u32(0).u32(0).u32(TRACK_ID).u32(0).u32(0);
        out.zeros(8).u16(0).u16(0).u16(0).u16(0);
        matrix(out);
        out.u32((long) width << 16).u32((long) height << 16).close();
    }

    private static void sampleDescription(BoxBuffer out, int width, int height, H264Parameters parameters) {
        out.openFull("stsd", 0, 0).u32(1);
        out.open("avc1").zeros(6).u16(1);
        out.u16(0).u16(0).zeros(12).u16(width).u16(height);
        out.u32(0x00480000).u32(0x00480000).u32(0).u16(1);
        out.zeros(32).u16(0x0018).u16(0xFFFF);
        byte[] sps = parameters.sps();
        byte[] pps = parameters.pps();
        out.open("avcC").u8(1).u8(sps[1]).u8(sps[2]).u8(sps[3]);
        out.u8(0xFC | 3 /* four-byte NAL lengths */).u8(0xE0 | 1).u16(sps.length).bytes(sps);
        out.u8(1).u16(pps.length).bytes(pps);
        SpsFormat format = SpsFormat.of(sps);
        if (format.avcCExtended()) {
            // ISO/IEC 14496-15 5.3.3.1: the high profiles repeat chroma format and bit depths; no SPS extensions
            out.u8(0xFC | format.chromaFormatIdc()).u8(0xF8 | format.bitDepthLumaMinus8())
                    .u8(0xF8 | format.bitDepthChromaMinus8()).u8(0);
        }
        out.close(); // avcC
        out.close(); // avc1
        out.close(); // stsd
    }

    private static void matrix(BoxBuffer out) {
        for (int value : UNITY_MATRIX) {
            out.u32(value);
        }
    }
}
