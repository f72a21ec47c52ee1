package io.kapture.jmx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.junit.jupiter.api.Test;

import io.kapture.processor.recorder.RecordedFile;
import io.kapture.processor.recorder.RecordingProgress;
import io.kapture.processor.recorder.Recordings;
import io.kapture.processor.recorder.RetentionStatus;

/** {@code io.kapture:type=Recordings} in a real MBean server, over a fixed {@link Recordings}. */
class RecordingsBeanTest {

    private static final RecordingProgress WRITING = new RecordingProgress("cam0", Optional.of("/r/cam0-1.avi"), 10,
            1000, 400, 3, 1, Optional.empty());
    private static final RecordingProgress FAILING = new RecordingProgress("cam1", Optional.empty(), 0, 0, 0, 2, 50,
            Optional.of("writing /r/cam1-1.avi: IOException: No space left on device"));

    @Test
    void sumsTheRecordersAndShowsRetention() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName(JmxNames.recordings());
        server.registerMBean(new StandardMBean(RecordingsBean.over(new Fixed()), RecordingsMXBean.class, true), name);

        assertEquals("io.kapture:type=Recordings", name.toString());
        assertEquals(1, server.getAttribute(name, "RecordersWriting"));
        assertEquals(1, server.getAttribute(name, "RecordersFailing"));
        assertEquals(5L, server.getAttribute(name, "FilesFinished"));
        assertEquals(51L, server.getAttribute(name, "FramesSkipped"));
        assertArrayEquals(new String[] { WRITING.line(), FAILING.line() },
                (String[]) server.getAttribute(name, "Recorders"));
        assertEquals(12L, server.getAttribute(name, "RetentionPasses"));
        assertEquals(7L, server.getAttribute(name, "RetentionFilesDeleted"));
        assertEquals(70_000_000L, server.getAttribute(name, "RetentionBytesDeleted"));
        assertEquals(40L, server.getAttribute(name, "StorageFiles"));
        assertEquals(1_900_000_000L, server.getAttribute(name, "StorageBytes"));
        assertEquals("size 2000 MB", server.getAttribute(name, "RetentionLimits"));
        assertEquals("could not delete x", server.getAttribute(name, "RetentionLastError"));
    }

    /** One recorder writing, one failing; retention deleted 7 files and met one problem. */
    private static final class Fixed implements Recordings {
        @Override
        public List<RecordingProgress> recordings() {
            return List.of(WRITING, FAILING);
        }

        @Override
        public List<RecordingProgress> recordings(String camera) {
            throw new UnsupportedOperationException("not needed by the bean");
        }

        @Override
        public List<RecordedFile> files() {
            throw new UnsupportedOperationException("reads every header: the bean must not call it");
        }

        @Override
        public RetentionStatus retention() {
            return new RetentionStatus("size 2000 MB", 12, 1, 6, 0, 70_000_000, 40, 1_900_000_000, 1L,
                    Optional.of("could not delete x"));
        }

        @Override
        public int trigger(String camera, String trigger) {
            throw new UnsupportedOperationException("not needed by the bean");
        }
    }
}
