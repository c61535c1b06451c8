package dev.keyway.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportEvent;
import java.util.Set;

/**
 * The client's transport before any key is agreed, facing a hostile server. The client trusts
 * any host key here, so only the signature over the exchange hash (RFC 4253 §8) keeps the
 * fuzzer from completing the exchange: no host key may be accepted, no keys established.
 */
class ClientTransportFuzzTest {

    @FuzzTest
    void bytesFromAServer(byte[] input) {
        SshTransport client = SshTransport.client(Fixtures.client(Fixtures.REGISTRY).build());
        new UnkeyedPeerStream(client, Set.of(TransportEvent.ServiceMessage.class, TransportEvent.ExtensionInfo.class,
                TransportEvent.HostKeyAccepted.class, TransportEvent.KeysEstablished.class))
                .feed(new FuzzInput(input));
    }
}
