package io.kapture.v4l2.internal;

import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.structs.V4l2Buffer;
import io.kapture.v4l2.structs.V4l2Plane;

/**
 * Where a buffer type keeps a buffer's memory in {@code struct v4l2_buffer}: a single-plane type in the struct
 * itself ({@code m.offset}, {@code length}, {@code bytesused}), the multi-plane type in an array of
 * {@code v4l2_plane}, one per plane, that {@code m.planes} points at. {@link BufferRing} asks its layout instead of
 * testing the buffer type at every field, so each of its ioctls reads the same for both kinds.
 *
 * <p>Immutable and stateless: safe from any thread. The structs passed in belong to the caller, who passes the
 * plane array {@link #newPlanes} gave it (null for a single-plane layout).
 */
public sealed interface PlaneLayout {

    /**
     * The layout of {@code bufferType}: multi-plane for {@code BUF_TYPE_VIDEO_CAPTURE_MPLANE} and
     * {@code BUF_TYPE_VIDEO_OUTPUT_MPLANE} (a memory-to-memory device's queues), else single.
     */
    static PlaneLayout of(int bufferType) {
        return bufferType == V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE || bufferType == V4l2.BUF_TYPE_VIDEO_OUTPUT_MPLANE
                ? new MultiPlane(bufferType) : new SinglePlane(bufferType);
    }

    /** The {@code V4L2_BUF_TYPE_*} of the buffers. */
    int bufferType();

    /** True when frames arrive in planes of their own, which {@link PlanePacker} packs into one buffer. */
    boolean multiPlanar();

    /** A plane array for one struct of this layout: null where the struct carries its memory itself. */
    V4l2Plane newPlanes();

    /** Zeroes {@code buffer} and {@code planes} and sets what an MMAP ioctl on buffer {@code index} needs. */
    void prepare(V4l2Buffer buffer, V4l2Plane planes, int index, int planeCount);

    /**
     * Sets what the capture path's {@code QBUF} of buffer {@code index} ({@code queue} true) or {@code DQBUF}
     * ({@code queue} false) reads, on a struct kept for that call alone: a single-plane struct gets only the fields
     * the kernel reads ({@link V4l2Buffer#requeue}, {@link V4l2Buffer#dequeueArguments}), a multi-plane one is
     * prepared in full, planes zeroed ({@code DQBUF} with room for {@code VIDEO_MAX_PLANES}). One method for both
     * calls on purpose: run twice a frame, HotSpot's C2 compiles it after half as many frames as a method run once
     * (the vivid guest's profile: split in two, each stayed in C1's profiling tier through frame 4,000, calling the
     * JDK's direct-buffer accessors there at ~300 instructions a store).
     */
    void prepareStreaming(V4l2Buffer buffer, V4l2Plane planes, boolean queue, int index, int planeCount);

    /** How many planes a buffer has, from a {@code QUERYBUF} answer. */
    int planeCount(V4l2Buffer queried);

    /** Bytes to map for {@code plane}, from a {@code QUERYBUF} answer. */
    long length(V4l2Buffer queried, V4l2Plane planes, int plane);

    /** The {@code mmap} offset of {@code plane}, from a {@code QUERYBUF} answer. */
    long offset(V4l2Buffer queried, V4l2Plane planes, int plane);

    /** Bytes the driver filled in the first plane, from a {@code DQBUF} answer. */
    int bytesUsed(V4l2Buffer dequeued, V4l2Plane planes);

    /** The memory is the struct's own: one plane. */
    record SinglePlane(int bufferType) implements PlaneLayout {

        @Override
        public boolean multiPlanar() {
            return false;
        }

        @Override
        public V4l2Plane newPlanes() {
            return null;
        }

        @Override
        public void prepare(V4l2Buffer buffer, V4l2Plane planes, int index, int planeCount) {
            buffer.prepare(bufferType, V4l2.MEMORY_MMAP, index, null, 0);
        }

        @Override
        public void prepareStreaming(V4l2Buffer buffer, V4l2Plane planes, boolean queue, int index, int planeCount) {
            if (queue) {
                buffer.requeue(bufferType, V4l2.MEMORY_MMAP, index);
            } else {
                buffer.dequeueArguments(bufferType, V4l2.MEMORY_MMAP);
            }
        }

        @Override
        public int planeCount(V4l2Buffer queried) {
            return 1;
        }

        @Override
        public long length(V4l2Buffer queried, V4l2Plane planes, int plane) {
            return Integer.toUnsignedLong(queried.length());
        }

        @Override
        public long offset(V4l2Buffer queried, V4l2Plane planes, int plane) {
            return Integer.toUnsignedLong(queried.offset());
        }

        @Override
        public int bytesUsed(V4l2Buffer dequeued, V4l2Plane planes) {
            return dequeued.bytesUsed();
        }
    }

    /** The memory is in the plane array, up to {@code VIDEO_MAX_PLANES} planes. */
    record MultiPlane(int bufferType) implements PlaneLayout {

        @Override
        public boolean multiPlanar() {
            return true;
        }

        @Override
        public V4l2Plane newPlanes() {
            return new V4l2Plane(V4l2.VIDEO_MAX_PLANES);
        }

        @Override
        public void prepare(V4l2Buffer buffer, V4l2Plane planes, int index, int planeCount) {
            planes.clear();
            buffer.prepare(bufferType, V4l2.MEMORY_MMAP, index, planes, planeCount);
        }

        @Override
        public void prepareStreaming(V4l2Buffer buffer, V4l2Plane planes, boolean queue, int index, int planeCount) {
            if (queue) {
                prepare(buffer, planes, index, planeCount);
            } else {
                prepare(buffer, planes, 0, V4l2.VIDEO_MAX_PLANES);
            }
        }

        @Override
        public int planeCount(V4l2Buffer queried) {
            return queried.length();
        }

        @Override
        public long length(V4l2Buffer queried, V4l2Plane planes, int plane) {
            return Integer.toUnsignedLong(planes.length(plane));
        }

        @Override
        public long offset(V4l2Buffer queried, V4l2Plane planes, int plane) {
            return Integer.toUnsignedLong(planes.memOffset(plane));
        }

        @Override
        public int bytesUsed(V4l2Buffer dequeued, V4l2Plane planes) {
            return planes.bytesUsed(0);
        }
    }
}
