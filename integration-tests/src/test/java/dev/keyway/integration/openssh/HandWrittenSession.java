package dev.keyway.integration.openssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.wire.SshReader;
import dev.keyway.api.wire.WireFormatException;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import dev.keyway.transport.TransportEvent;
import java.io.IOException;

/**
 * A client whose messages above the transport are written by hand ({@link ServiceLayerMessages})
 * over Keyway's transport engine: it logs in with a password and runs one command on a session
 * channel whose window and maximum packet size (RFC 4254 §5.1) it chooses freely, up to
 * 2^32-1, which no client library lets a test announce. It only counts what comes back.
 */
final class HandWrittenSession {
    private static final int OUR_CHANNEL = 0;

    /** What the command sent: its bytes, the largest CHANNEL_DATA, its exit status (-1 if none came). */
    record Result(long bytes, int largestMessage, int exitStatus) {
    }

    private HandWrittenSession() {
    }

    /**
     * Logs in to 127.0.0.1:{@code port}, opens the channel, runs {@code command} and reads until
     * the channel closes.
     */
    static Result run(int port, TransportConfig config, String user, String password, long window, long maxPacket,
            String command, Deadline deadline) throws IOException, WireFormatException {
        try (BlockingTransport t = BlockingTransport.connect(port, SshTransport.client(config), deadline)) {
            t.await(TransportEvent.KeysEstablished.class, e -> true, "the key exchange", deadline);
            t.engine().send(ServiceLayerMessages.serviceRequest(ServiceLayerMessages.USERAUTH));
            reply(t, ServiceLayerMessages.SERVICE_ACCEPT, deadline);
            t.engine().send(ServiceLayerMessages.userAuthPassword(user, password));
            reply(t, ServiceLayerMessages.USERAUTH_SUCCESS, deadline);
            t.engine().send(ServiceLayerMessages.channelOpenSession(OUR_CHANNEL, window, maxPacket));
            byte[] confirmation = reply(t, ServiceLayerMessages.CHANNEL_OPEN_CONFIRMATION, deadline);
            int serverChannel = SshReader.uint32At(confirmation, 5);
            t.engine().send(ServiceLayerMessages.exec(serverChannel, command));
            long bytes = 0;
            int largest = 0;
            int exitStatus = -1;
            while (true) {
                byte[] m = t.await(TransportEvent.ServiceMessage.class, e -> true, "the channel's close", deadline)
                        .payload();
                int number = m[0] & 0xff;
                if (number == ServiceLayerMessages.CHANNEL_DATA) {
                    int length = SshReader.uint32At(m, 5);
                    bytes += length;
                    largest = Math.max(largest, length);
                } else if (number == ServiceLayerMessages.CHANNEL_REQUEST) {
                    SshReader r = new SshReader(m, 5, m.length - 5);
                    if (r.readUtf8().equals("exit-status")) {
                        r.readBoolean();
                        exitStatus = r.readUint32();
                    }
                } else if (number == ServiceLayerMessages.CHANNEL_CLOSE) {
                    t.engine().send(ServiceLayerMessages.channelClose(serverChannel));
                    t.flush();
                    return new Result(bytes, largest, exitStatus);
                }
            }
        }
    }

    /** The server's next service message, which must be {@code expected}. */
    private static byte[] reply(BlockingTransport t, int expected, Deadline deadline) throws IOException {
        byte[] m = t.await(TransportEvent.ServiceMessage.class, e -> true, "message " + expected, deadline).payload();
        assertEquals(expected, m[0] & 0xff, "the server's answer; events: " + t.describe());
        return m;
    }
}
