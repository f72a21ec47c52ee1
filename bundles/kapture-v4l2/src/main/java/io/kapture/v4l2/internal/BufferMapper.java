package io.kapture.v4l2.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.Pointer;

import io.kapture.api.CaptureException;
import io.kapture.v4l2.Errno;
import io.kapture.v4l2.ErrnoException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.V4l2Errors;
import io.kapture.v4l2.structs.V4l2Buffer;
import io.kapture.v4l2.structs.V4l2Format;
import io.kapture.v4l2.structs.V4l2Plane;

/**
 * The mapping step of a {@link BufferRing}'s start: asks the driver where each plane of a buffer lies
 * ({@code QUERYBUF}, read through the {@link PlaneLayout}) and maps it, and finds the {@link PlanePacker} of the
 * format set ({@code G_FMT}). A buffer is mapped whole or not at all: the planes of a buffer whose mapping failed
 * midway are unmapped at once, as no view of them exists yet.
 *
 * <p>Threading: used by the ring's start only, under the ring's lock; holds no state of its own.
 */
final class BufferMapper {

    private static final Logger LOG = LoggerFactory.getLogger(BufferMapper.class);

    private final V4l2Device device;
    private final Libc libc;
    private final PlaneLayout layout;

    BufferMapper(V4l2Device device, PlaneLayout layout) {
        this.device = device;
        this.libc = device.libc();
        this.layout = layout;
    }

    /** The packer of the format the driver has now, null for a single-plane one; G_FMT, once per start. */
    PlanePacker packerOfCurrentFormat() {
        V4l2Format format = new V4l2Format();
        format.type(layout.bufferType());
        device.ioctl(V4l2.VIDIOC_G_FMT, format);
        try {
            return PlanePacker.of(format);
        } catch (IllegalArgumentException e) {
            throw new CaptureException(device.path() + ": cannot capture the current format: " + e.getMessage()
                    + ". Negotiate a single-plane format or one of the multi-plane ones Kapture packs first");
        }
    }

    /**
     * Maps every plane of buffer {@code index} ({@code QUERYBUF}, one {@code mmap} per plane); on a failure midway
     * unmaps the planes already mapped and throws.
     */
    MappedBuffer map(BufferRing ring, int index, PlanePacker packer) {
        V4l2Buffer query = new V4l2Buffer();
        V4l2Plane planes = layout.newPlanes();
        layout.prepare(query, planes, index, V4l2.VIDEO_MAX_PLANES);
        device.ioctl(V4l2.VIDIOC_QUERYBUF, query);
        int count = layout.planeCount(query);
        int expected = packer == null ? 1 : packer.twin().planes();
        if (count != expected) {
            throw new CaptureException(device.path() + ": buffer " + index + " has " + count + " planes where the"
                    + " format set has " + expected + "; the driver changed the format behind Kapture's back");
        }
        Pointer[] addresses = new Pointer[count];
        long[] lengths = new long[count];
        boolean mapped = false;
        try {
            for (int plane = 0; plane < count; plane++) {
                lengths[plane] = layout.length(query, planes, plane);
                addresses[plane] = mmap(index, plane, count, lengths[plane], layout.offset(query, planes, plane));
            }
            MappedBuffer buffer = new MappedBuffer(ring, index, addresses, lengths, packer);
            mapped = true;
            return buffer;
        } finally {
            if (!mapped) {
                unmapUnpublished(addresses, lengths);
            }
        }
    }

    private Pointer mmap(int index, int plane, int planes, long length, long offset) {
        try {
            return libc.mmap(null, length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, device.fd(), offset);
        } catch (ErrnoException e) {
            throw V4l2Errors.of(device.path(), "mmap of buffer " + index
                    + (planes > 1 ? " plane " + plane + " of " + planes : ""), e.errno());
        }
    }

    /** Unmaps the planes of a buffer whose mapping failed midway: no view of them was made, so no reader can crash. */
    private void unmapUnpublished(Pointer[] addresses, long[] lengths) {
        for (int plane = 0; plane < addresses.length; plane++) {
            if (addresses[plane] != null) {
                try {
                    libc.munmap(addresses[plane], lengths[plane]);
                } catch (ErrnoException e) {
                    LOG.warn("{}: munmap of a plane mapped during a failed start failed: {}", device.path(),
                            Errno.describe(e.errno()));
                }
            }
        }
    }
}
