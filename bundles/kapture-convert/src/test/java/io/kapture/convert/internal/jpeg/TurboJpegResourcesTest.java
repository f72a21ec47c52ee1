package io.kapture.convert.internal.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.kapture.api.PixelFormat;
import io.kapture.convert.internal.RawLayout;

/**
 * libjpeg-turbo's resources: threads sharing the engine each get correct results, every handle is destroyed when
 * the engine closes (also those lent out at that moment), and a steady stream makes no native allocation and no
 * Java allocation beyond the JPEG it returns. Skipped, saying why, where libturbojpeg.so.0 is not installed.
 */
class TurboJpegResourcesTest {

    @Test
    void threadsSharingTheEngineEachGetTheirOwnCorrectResult() throws Exception {
        int baseline = TurboJpeg.liveHandles();
        TurboJpeg turbo = Engines.turbo(2);
        PixelFormat[] formats = {PixelFormat.YUYV, PixelFormat.NV12, PixelFormat.RGB24, PixelFormat.UYVY};
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                PixelFormat format = formats[t];
                // differently sized pictures, so a codec's buffers are regrown and reused between threads
                PatchPicture picture = new PatchPicture(4 + t, 3 + t % 2);
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        byte[] jpeg = turbo.encode(picture.buffer(format), picture.layout(format), 0.9f);
                        Engines.assertLooksLike(picture, Engines.read(jpeg), 6, 34, format + " round " + i);
                        Engines.assertLooksLike(picture, turbo.decode(ByteBuffer.wrap(jpeg)), 6, 34,
                                format + " decoded, round " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            assertTrue(TurboJpeg.liveHandles() > baseline, "the codecs are kept for the next frames");
            assertTrue(TurboJpeg.liveHandles() <= baseline + 4, "at most 2 codecs of 2 handles each, "
                    + (TurboJpeg.liveHandles() - baseline) + " handles alive");
        } finally {
            threads.shutdownNow();
            turbo.close();
        }
        assertEquals(baseline, TurboJpeg.liveHandles(), "handles left after close");
    }

    @Test
    void closeDestroysEveryHandleAndTheEngineStaysUsable() {
        int baseline = TurboJpeg.liveHandles();
        PatchPicture picture = PatchPicture.standard();
        TurboJpeg turbo = Engines.turbo(2);
        byte[] jpeg = turbo.encode(picture.buffer(PixelFormat.YUYV), picture.layout(PixelFormat.YUYV), 0.8f);
        turbo.decode(ByteBuffer.wrap(jpeg));
        assertEquals(baseline + 2, TurboJpeg.liveHandles(), "one compressor and one decompressor");

        turbo.close();
        assertEquals(baseline, TurboJpeg.liveHandles());

        byte[] again = turbo.encode(picture.buffer(PixelFormat.YUYV), picture.layout(PixelFormat.YUYV), 0.8f);
        assertArrayEquals(jpeg, again, "same input, same JPEG after the engine was closed and reopened");
        turbo.close();
        assertEquals(baseline, TurboJpeg.liveHandles());
    }

    @Test
    void aCodecLentOutWhenThePoolClosesIsDestroyedWhenGivenBack() {
        Engines.turbo(1).close();
        int baseline = TurboJpeg.liveHandles();
        PatchPicture picture = PatchPicture.standard();
        TurboPool pool = new TurboPool(1);
        TurboCodec codec = pool.borrow();
        codec.encode(picture.buffer(PixelFormat.GREY), picture.layout(PixelFormat.GREY), 80);
        assertEquals(baseline + 1, TurboJpeg.liveHandles());

        pool.close();
        assertEquals(baseline + 1, TurboJpeg.liveHandles(), "still in use: not destroyed under its user");
        assertNull(pool.borrow(), "a closed pool lends nothing");
        pool.giveBack(codec);
        assertEquals(baseline, TurboJpeg.liveHandles());
    }

    @Test
    void aSteadyStreamAllocatesNoNativeMemoryAndOnlyTheJpegOnTheHeap() {
        TurboJpeg turbo = Engines.turbo(1);
        try {
            PatchPicture picture = new PatchPicture(20, 15);
            ByteBuffer frame = ByteBuffer.allocateDirect(picture.data(PixelFormat.YUYV).length);
            frame.put(picture.data(PixelFormat.YUYV)).flip();
            RawLayout layout = picture.layout(PixelFormat.YUYV);
            byte[] jpeg = turbo.encode(frame, layout, 0.8f);
            byte[] rgb = new byte[picture.width * picture.height * 3];
            ByteBuffer compressed = ByteBuffer.wrap(jpeg);
            for (int i = 0; i < 300; i++) {
                turbo.encode(frame, layout, 0.8f);
                turbo.decode(compressed, picture.width, picture.height, DecodeTarget.RGB, rgb);
            }
            long nativeBefore = TurboJpeg.nativeAllocations();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                    .getThreadMXBean();
            threads.getCurrentThreadAllocatedBytes();
            long heapBefore = threads.getCurrentThreadAllocatedBytes();
            int rounds = 1000;
            int encoded = 0;
            for (int i = 0; i < rounds; i++) {
                encoded += turbo.encode(frame, layout, 0.8f).length;
                turbo.decode(compressed, picture.width, picture.height, DecodeTarget.RGB, rgb);
            }
            long perRound = (threads.getCurrentThreadAllocatedBytes() - heapBefore) / rounds;

            assertEquals(nativeBefore, TurboJpeg.nativeAllocations(), "native buffers allocated in steady state");
            assertEquals(jpeg.length * rounds, encoded, "the same JPEG each time");
            assertTrue(perRound <= jpeg.length + 64, perRound + " bytes allocated per encode + decode, the JPEG is "
                    + jpeg.length + " (an array has a 16-byte header)");
        } finally {
            turbo.close();
        }
    }
}
