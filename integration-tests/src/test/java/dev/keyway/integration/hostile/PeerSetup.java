package dev.keyway.integration.hostile;

import dev.keyway.api.AlgorithmCategory;
import dev.keyway.api.AlgorithmRegistry;
import dev.keyway.transport.AlgorithmPolicy;
import dev.keyway.transport.KexInit;
import dev.keyway.transport.SshTransport;
import dev.keyway.transport.TransportConfig;
import java.util.function.UnaryOperator;

/**
 * How the attacker's own engine is set up before it crafts anything: which algorithms it
 * prefers (the client's first choice the server has wins, RFC 4253 §7.1), whether it offers
 * strict KEX, and how its first KEXINIT is altered ({@link SshTransport#dangerClient}).
 */
record PeerSetup(AlgorithmPolicy policy, boolean strictKex, UnaryOperator<KexInit> firstKexInit) {
    /** A client as Keyway builds it: default algorithms, strict KEX offered. */
    static final PeerSetup DEFAULT = new PeerSetup(AlgorithmPolicy.defaults(), true, UnaryOperator.identity());

    /** This setup preferring a cipher, and a MAC when the cipher is no AEAD (null otherwise). */
    PeerSetup cipher(String cipher, String mac) {
        AlgorithmPolicy p = policy.with(AlgorithmCategory.CIPHER, cipher);
        return new PeerSetup(mac == null ? p : p.with(AlgorithmCategory.MAC, mac), strictKex, firstKexInit);
    }

    /** This setup offering only one key exchange method. */
    PeerSetup kex(String name) {
        return new PeerSetup(policy.with(AlgorithmCategory.KEY_EXCHANGE, name), strictKex, firstKexInit);
    }

    /** This setup without strict KEX (OpenSSH PROTOCOL §1.10), as clients before OpenSSH 9.6. */
    PeerSetup nonStrict() {
        return new PeerSetup(policy, false, firstKexInit);
    }

    /** This setup sending its first KEXINIT altered. */
    PeerSetup firstKexInit(UnaryOperator<KexInit> alter) {
        return new PeerSetup(policy, strictKex, alter);
    }

    /** A client engine set up so, which takes any host key: the attacker does not care whose. */
    SshTransport newClient(AlgorithmRegistry registry) {
        TransportConfig config = TransportConfig.builder(registry).policy(policy).strictKex(strictKex)
                .hostKeyVerifier(key -> true).build();
        return SshTransport.dangerClient(config, firstKexInit);
    }
}
