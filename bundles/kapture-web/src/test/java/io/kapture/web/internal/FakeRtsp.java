package io.kapture.web.internal;

import java.util.List;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

import io.kapture.rtsp.RtspStatistics;
import io.kapture.rtsp.StreamStatistics;

/** An RTSP server's figures, fixed: one camera "cam1" with three clients, a lossy one among them. */
final class FakeRtsp implements RtspStatistics {

    /** One as SCR hands it to the metrics servlet's reference. */
    static ComponentServiceObjects<RtspStatistics> asServiceObjects() {
        FakeRtsp rtsp = new FakeRtsp();
        return new ComponentServiceObjects<>() {
            @Override
            public RtspStatistics getService() {
                return rtsp;
            }

            @Override
            public void ungetService(RtspStatistics service) {
            }

            @Override
            public ServiceReference<RtspStatistics> getServiceReference() {
                throw new UnsupportedOperationException("not needed by the servlet");
            }
        };
    }

    @Override
    public List<StreamStatistics> streams() {
        return List.of(new StreamStatistics() {
            @Override
            public String camera() {
                return "cam1";
            }

            @Override
            public int sessions() {
                return 3;
            }

            @Override
            public int udpClients() {
                return 1;
            }

            @Override
            public int tcpClients() {
                return 2;
            }

            @Override
            public long packetsSent() {
                return 1000;
            }

            @Override
            public long bytesSent() {
                return 1_400_000;
            }

            @Override
            public long receiverReports() {
                return 12;
            }

            @Override
            public double worstFractionLost() {
                return 0.25;
            }

            @Override
            public long packetsLost() {
                return 17;
            }

            @Override
            public double maxJitterMillis() {
                return 12.5;
            }

            @Override
            public long sessionTimeouts() {
                return 0;
            }

            @Override
            public long byes() {
                return 1;
            }

            @Override
            public String encoder() {
                return "openh264";
            }
        });
    }

    @Override
    public int openConnections() {
        return 2;
    }

    @Override
    public long connections() {
        return 9;
    }

    @Override
    public long connectionsRefused() {
        return 0;
    }

    @Override
    public long slowClientsDropped() {
        return 0;
    }

    @Override
    public long malformedRtcp() {
        return 1;
    }
}
