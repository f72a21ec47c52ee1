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

import io.kapture.processor.motion.MotionActivity;
import io.kapture.processor.motion.MotionStatistics;
import io.kapture.processor.snapshot.SnapshotActivity;
import io.kapture.processor.snapshot.SnapshotStatistics;

/**
 * {@code io.kapture:type=Motion} and {@code io.kapture:type=Snapshots} in a real MBean server, over fixed
 * statistics: the metrics' figures summed over detectors and schedules, and one console line each.
 */
class ActivityBeansTest {

    private static final MotionActivity MOVING = new MotionActivity("cam0", true, 5, 1_733_371_260_500L, 4, 97_500,
            List.of(1L, 2L, 3L, 3L, 4L));
    private static final MotionActivity STILL = new MotionActivity("cam1", false, 1, 1_733_371_200_000L, 1, 600,
            List.of(1L, 1L, 1L, 1L, 1L), 12, "H264 frames are compressed and cannot be converted pixel by pixel");
    private static final SnapshotActivity WRITING = new SnapshotActivity("cam0", "snapshots", 60_000, 14, 700_000,
            1_733_371_200_000L, 0, Optional.empty());
    private static final SnapshotActivity FAILING = new SnapshotActivity("cam1", "snapshots", 1_000, 3, 90_000,
            1_733_371_100_000L, 7, Optional.of("IOException: Read-only file system"));

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void motionSumsTheDetectors() throws Exception {
        MotionStatistics statistics = () -> List.of(MOVING, STILL);
        ObjectName name = new ObjectName(JmxNames.motion());
        server.registerMBean(new StandardMBean(MotionBean.over(statistics), MotionMXBean.class, true), name);

        assertEquals("io.kapture:type=Motion", name.toString());
        assertEquals(1, server.getAttribute(name, "DetectorsInMotion"));
        assertEquals(6L, server.getAttribute(name, "Periods"));
        assertEquals(5L, server.getAttribute(name, "PeriodsEnded"));
        assertEquals(98.1, (Double) server.getAttribute(name, "MotionSeconds"), 1e-9);
        assertEquals(12L, server.getAttribute(name, "FramesSkipped"));
        assertArrayEquals(new String[] { MOVING.line(), STILL.line() },
                (String[]) server.getAttribute(name, "Detectors"));
    }

    @Test
    void snapshotsSumTheSchedules() throws Exception {
        SnapshotStatistics statistics = () -> List.of(WRITING, FAILING);
        ObjectName name = new ObjectName(JmxNames.snapshots());
        server.registerMBean(new StandardMBean(SnapshotSchedulesBean.over(statistics), SnapshotSchedulesMXBean.class,
                true), name);

        assertEquals("io.kapture:type=Snapshots", name.toString());
        assertEquals(17L, server.getAttribute(name, "FilesWritten"));
        assertEquals(790_000L, server.getAttribute(name, "BytesWritten"));
        assertEquals(7L, server.getAttribute(name, "Failures"));
        assertEquals(1, server.getAttribute(name, "SchedulesFailing"));
        assertArrayEquals(new String[] { WRITING.line(), FAILING.line() },
                (String[]) server.getAttribute(name, "Schedules"));
    }
}
