package dev.keyway.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import java.util.Set;

/**
 * The server's transport before any key is agreed: what an unauthenticated client on the
 * internet reaches first. The fuzzer is the client; it may complete a key exchange (nothing
 * authenticates a client there), but without the keys it cannot get a message delivered.
 */
class ServerTransportFuzzTest {

    @FuzzTest
    void bytesFromAClient(byte[] input) {
        SshTransport server = SshTransport.server(Fixtures.server(Fixtures.REGISTRY).build());
        new UnkeyedPeerStream(server, Set.of(TransportEvent.ServiceMessage.class, TransportEvent.ExtensionInfo.class))
                .feed(new FuzzInput(input));
    }
}
