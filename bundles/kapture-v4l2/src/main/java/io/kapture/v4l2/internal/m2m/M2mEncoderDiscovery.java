package io.kapture.v4l2.internal.m2m;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.api.CaptureException;
import io.kapture.v4l2.Libc;
import io.kapture.v4l2.V4l2;
import io.kapture.v4l2.V4l2Device;
import io.kapture.v4l2.structs.V4l2Capability;
import io.kapture.v4l2.structs.V4l2FmtDesc;

/**
 * Finds the memory-to-memory encoders among {@code /dev/video*}: nodes with {@code V4L2_CAP_VIDEO_M2M} or
 * {@code V4L2_CAP_VIDEO_M2M_MPLANE} whose CAPTURE queue lists a compressed format ({@code VIDIOC_ENUM_FMT} with
 * {@code V4L2_FMT_FLAG_COMPRESSED}) and whose OUTPUT queue lists raw ones. Decoders (compressed OUTPUT, raw CAPTURE)
 * and scalers such as vim2m (raw on both) are left out. A node that cannot be opened is skipped and logged.
 *
 * <p>Thread-safe: holds no state between calls; each call opens and closes the nodes it looks at.
 */
public final class M2mEncoderDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(M2mEncoderDiscovery.class);

    private final Libc libc;
    private final Path devRoot;

    public M2mEncoderDiscovery(Libc libc, Path devRoot) {
        this.libc = libc;
        this.devRoot = devRoot;
    }

    /** Every encoder found, one per node and coded format, in node order. */
    public List<M2mEncoderNode> encoders() {
        List<Path> nodes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(devRoot, "video[0-9]*")) {
            entries.forEach(nodes::add);
        } catch (IOException e) {
            LOG.warn("cannot list {} for memory-to-memory encoders: {}", devRoot, e.getMessage());
            return List.of();
        }
        nodes.sort(Comparator.comparingInt(node -> Integer.parseInt(node.getFileName().toString().substring(5))));
        List<M2mEncoderNode> found = new ArrayList<>();
        for (Path node : nodes) {
            try (V4l2Device device = V4l2Device.open(libc, node.toString())) {
                found.addAll(describe(device));
            } catch (CaptureException e) {
                LOG.debug("{} skipped while looking for encoders: {}", node, e.getMessage());
            }
        }
        return found;
    }

    /** The encoders an open node offers (none if it is no M2M encoder). */
    public static List<M2mEncoderNode> describe(V4l2Device device) {
        V4l2Capability capability = device.queryCapabilities();
        int caps = capability.nodeCaps();
        boolean multiPlanar = (caps & V4l2.CAP_VIDEO_M2M_MPLANE) != 0;
        if (!multiPlanar && (caps & V4l2.CAP_VIDEO_M2M) == 0) {
            return List.of();
        }
        int captureType = multiPlanar ? V4l2.BUF_TYPE_VIDEO_CAPTURE_MPLANE : V4l2.BUF_TYPE_VIDEO_CAPTURE;
        int outputType = multiPlanar ? V4l2.BUF_TYPE_VIDEO_OUTPUT_MPLANE : V4l2.BUF_TYPE_VIDEO_OUTPUT;
        Set<Integer> coded = formats(device, captureType, true);
        Set<Integer> raw = formats(device, outputType, false);
        if (coded.isEmpty() || raw.isEmpty()) {
            return List.of();
        }
        List<M2mEncoderNode> encoders = new ArrayList<>();
        for (int fourcc : coded) {
            encoders.add(new M2mEncoderNode(device.path(), capability.driver(), capability.card(), fourcc, raw,
                    multiPlanar));
        }
        return encoders;
    }

    private static Set<Integer> formats(V4l2Device device, int type, boolean compressed) {
        Set<Integer> formats = new LinkedHashSet<>();
        V4l2FmtDesc description = new V4l2FmtDesc();
        for (int index = 0; index < 256; index++) {
            description.clear();
            description.index(index);
            description.type(type);
            if (device.tryIoctl(V4l2.VIDIOC_ENUM_FMT, description) < 0) {
                break;
            }
            if (((description.flags() & V4l2.FMT_FLAG_COMPRESSED) != 0) == compressed) {
                formats.add(description.pixelFormat());
            }
        }
        return formats;
    }
}
