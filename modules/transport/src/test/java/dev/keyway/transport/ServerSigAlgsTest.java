package dev.keyway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyway.api.AlgorithmCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's {@code server-sig-algs} (RFC 8308 §3.1) lists the public key algorithms a
 * {@code publickey} request may use, which is every signature algorithm of the registry: a
 * policy that narrows the host key algorithms narrows the host key, not the user keys. Without
 * this, a server offering only an ed25519 host key listed only {@code ssh-ed25519}, and OpenSSH's
 * client would not sign with an RSA user key ("no mutual signature algorithm").
 */
class ServerSigAlgsTest {

    @Test
    void listsEverySignatureAlgorithmWhateverTheHostKeyPolicy() {
        AlgorithmPolicy onlyEd25519 = AlgorithmPolicy.defaults().with(AlgorithmCategory.HOST_KEY, "ssh-ed25519");
        TransportConfig clientConfig = TransportConfig.builder(TestKeys.JCA_FIRST)
                .hostKeyVerifier(HostKeyVerifier.dangerAcceptAny()).build();
        TransportConfig serverConfig = TransportConfig.builder(TestKeys.JCA_FIRST).policy(onlyEd25519)
                .hostKeys(TestKeys.allHostKeys()).build();
        TransportPair pair = new TransportPair(clientConfig, serverConfig);
        pair.pump();
        List<String> listed = pair.clientEvents.stream()
                .filter(e -> e instanceof TransportEvent.ExtensionInfo)
                .map(e -> ((TransportEvent.ExtensionInfo) e).serverSigAlgs().orElseThrow())
                .findFirst().orElseThrow();
        assertEquals("ssh-ed25519", pair.client.algorithms().orElseThrow().hostKey());
        assertEquals(AlgorithmPolicy.defaults().offered(AlgorithmCategory.HOST_KEY, TestKeys.JCA_FIRST), listed);
    }
}
